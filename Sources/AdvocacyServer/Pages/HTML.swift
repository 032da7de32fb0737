import AdvocacyReport

/// Short names for building pages with the report's ``Markup``, which
/// escapes every text and attribute by construction: a name, a title or an
/// address can only ever appear as text.
enum HTML {
    static func el(_ name: String, _ attributes: [(String, String?)] = [], _ children: [Markup] = []) -> Markup {
        .element(name, attributes, children)
    }

    static func el(_ name: String, _ attributes: [(String, String?)] = [], text: String) -> Markup {
        .element(name, attributes, [.text(text)])
    }

    static func text(_ text: String) -> Markup { .text(text) }

    static func link(_ href: String, _ text: String, current: Bool = false) -> Markup {
        el("a", [("href", href), ("aria-current", current ? "page" : nil)], text: text)
    }

    static func paragraph(_ text: String, class name: String? = nil) -> Markup {
        el("p", [("class", name)], text: text)
    }

    /// A form that changes something: POST, with the person's anti-forgery token.
    static func form(action: String, token: String, label: String? = nil, _ children: [Markup]) -> Markup {
        el(
            "form", [("method", "post"), ("action", action), ("aria-label", label)],
            [el("input", [("type", "hidden"), ("name", FormData.tokenField), ("value", token)])] + children)
    }

    /// A labelled input; `hint` is read out with it (`aria-describedby`).
    static func field(
        _ label: String, name: String, type: String = "text", value: String? = nil, required: Bool = false,
        hint: String? = nil, id given: String? = nil, attributes: [(String, String?)] = []
    ) -> Markup {
        let id = given ?? "field-" + name
        var children: [Markup] = [
            el("label", [("for", id)], text: label + (required ? " *" : "")),
            el(
                "input",
                [
                    ("id", id), ("name", name), ("type", type), ("value", value), ("required", required ? "required" : nil),
                    ("aria-describedby", hint == nil ? nil : id + "-hint"),
                ] + attributes),
        ]
        if let hint { children.append(el("span", [("id", id + "-hint"), ("class", "hint")], text: hint)) }
        return el("div", [("class", "field")], children)
    }

    /// A labelled multi-line text box; `hint` is read out with it.
    static func textArea(_ label: String, name: String, value: String, rows: Int, hint: String? = nil) -> Markup {
        let id = "field-" + name
        var children: [Markup] = [
            el("label", [("for", id)], text: label),
            el(
                "textarea",
                [
                    ("id", id), ("name", name), ("rows", String(rows)), ("spellcheck", "false"),
                    ("aria-describedby", hint == nil ? nil : id + "-hint"),
                ], text: value),
        ]
        if let hint { children.append(el("span", [("id", id + "-hint"), ("class", "hint")], text: hint)) }
        return el("div", [("class", "field wide")], children)
    }

    /// A labelled drop-down list.
    static func select(_ label: String, name: String, options: [(value: String, label: String)], selected: String?)
        -> Markup
    {
        let id = "field-" + name
        return el(
            "div", [("class", "field")],
            [
                el("label", [("for", id)], text: label),
                el(
                    "select", [("id", id), ("name", name)],
                    options.map { option in
                        el(
                            "option", [("value", option.value), ("selected", option.value == selected ? "selected" : nil)],
                            text: option.label)
                    }),
            ])
    }

    /// A checkbox picking one row of a table for the form `form` (outside the
    /// table, so each row needs no form of its own), with its label.
    static func pick(id: String, name: String, value: String, form: String, label: String) -> Markup {
        .group([
            el("input", [("type", "checkbox"), ("id", id), ("name", name), ("value", value), ("form", form)]),
            el("label", [("for", id)], text: " " + label),
        ])
    }

    static func button(_ label: String, name: String? = nil, value: String? = nil) -> Markup {
        el("button", [("type", "submit"), ("name", name), ("value", value)], text: label)
    }

    /// A table with a caption (read first by screen readers) and column headers.
    static func table(caption: String, headers: [String], rows: [[Markup]]) -> Markup {
        el(
            "table", [],
            [
                el("caption", text: caption),
                el("thead", [], [el("tr", [], headers.map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], rows.map { cells in el("tr", [], cells.map { el("td", [], [$0]) }) }),
            ])
    }
}
