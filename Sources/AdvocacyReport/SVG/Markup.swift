/// A node of an HTML or SVG document, rendered with escaping by construction.
///
/// The report's charts are hand-built SVG rather than the output of a charting library or a
/// script because the report must be one self-contained file: no external asset, no network,
/// no JavaScript, readable on paper. Building the tree ourselves keeps that promise checkable:
///
/// - every piece of user data (a name, a label, a link) goes in through ``text(_:)`` or an
///   attribute value, and both are escaped when rendered, so a name like `<script>` can only
///   ever appear as text; the one unescaped door, ``trusted(_:)``, takes a `StaticString`, so
///   only a literal written in the source (the page's CSS) can pass through it;
/// - characters that XML 1.0 forbids become U+FFFD and only void or leaf elements self-close,
///   so the output is at once valid HTML and well-formed XML (polyglot XHTML) that tests parse;
/// - we write only the attributes a chart needs, which keeps a 10,000-point scatter plot small.
///
/// Attributes render in the order given, so the same tree always renders to the same string.
public struct Markup: Sendable {
    private enum Node: Sendable {
        case element(name: String, attributes: [(String, String)], children: [Markup], selfCloses: Bool)
        case text(String)
        case trusted(StaticString)
        case group([Markup])
    }

    private let node: Node

    private init(_ node: Node) {
        self.node = node
    }

    /// An element with attributes in the given order; an attribute whose value is nil is left out.
    ///
    /// `name` and the attribute names are meant to be literals; any character that cannot be
    /// part of an XML name is replaced by `_`, so even a bad name cannot break the document.
    /// Empty HTML void elements and SVG leaf shapes render as `<x/>`, every other element as
    /// `<x></x>`, because an HTML parser reads `<div/>` as an opening tag.
    public static func element(_ name: String, _ attributes: [(String, String?)] = [], _ children: [Markup] = [])
        -> Markup
    {
        var kept: [(String, String)] = []
        kept.reserveCapacity(attributes.count)
        for (attributeName, value) in attributes {
            if let value { kept.append((xmlName(attributeName), value)) }
        }
        let safeName = xmlName(name)
        return Markup(
            .element(
                name: safeName, attributes: kept, children: children,
                selfCloses: children.isEmpty && selfClosingNames.contains(safeName)))
    }

    /// Text content, escaped when rendered.
    public static func text(_ text: String) -> Markup {
        Markup(.text(text))
    }

    /// Markup written as is, for constants such as the page's CSS or `<!DOCTYPE html>`.
    ///
    /// Only a `StaticString`, a literal in the source, is accepted, so user data can never be
    /// written unescaped.
    public static func trusted(_ text: StaticString) -> Markup {
        Markup(.trusted(text))
    }

    /// A fragment: renders its children one after the other, with no element around them.
    public static func group(_ children: [Markup]) -> Markup {
        Markup(.group(children))
    }

    /// The node as a string, with every text and attribute value escaped.
    public func render() -> String {
        var output = ""
        // One allocation: the estimate is at least the real size unless something is escaped.
        output.reserveCapacity(estimatedSize())
        render(into: &output)
        return output
    }

    /// Appends the node to `output`, with every text and attribute value escaped.
    public func render(into output: inout String) {
        switch node {
        case .element(let name, let attributes, let children, let selfCloses):
            output.append("<")
            output.append(name)
            for (attributeName, value) in attributes {
                output.append(" ")
                output.append(attributeName)
                output.append("=\"")
                Self.appendEscaped(value, inAttribute: true, to: &output)
                output.append("\"")
            }
            if selfCloses {
                output.append("/>")
                return
            }
            output.append(">")
            for child in children {
                child.render(into: &output)
            }
            output.append("</")
            output.append(name)
            output.append(">")
        case .text(let text):
            Self.appendEscaped(text, inAttribute: false, to: &output)
        case .trusted(let text):
            text.withUTF8Buffer { output.append(String(decoding: $0, as: UTF8.self)) }
        case .group(let children):
            for child in children {
                child.render(into: &output)
            }
        }
    }

    /// The number of UTF-8 bytes the node takes, before escaping.
    private func estimatedSize() -> Int {
        switch node {
        case .element(let name, let attributes, let children, _):
            var size = 2 * name.utf8.count + 5
            for (attributeName, value) in attributes {
                size += attributeName.utf8.count + value.utf8.count + 4
            }
            for child in children {
                size += child.estimatedSize()
            }
            return size
        case .text(let text):
            return text.utf8.count
        case .trusted(let text):
            return text.utf8CodeUnitCount
        case .group(let children):
            return children.reduce(0) { $0 + $1.estimatedSize() }
        }
    }

    // MARK: - Escaping

    /// Elements that may render as `<x/>`: HTML void elements and SVG shapes with no content.
    private static let selfClosingNames: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "circle", "ellipse", "line", "path", "polygon", "polyline", "rect", "stop", "use",
    ]

    /// Appends `value`, escaped for text or for a double-quoted attribute value.
    ///
    /// Works on the UTF-8 bytes and copies the runs between replacements whole: every byte to
    /// replace is ASCII, or the three-byte U+FFFE and U+FFFF, so no run is cut inside a
    /// character.
    private static func appendEscaped(_ value: String, inAttribute: Bool, to output: inout String) {
        var value = value
        let copiedWhole: Bool = value.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let replacement: String
                var length = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\"") where inAttribute: replacement = "&quot;"
                case UInt8(ascii: "'") where inAttribute: replacement = "&#39;"
                // XML turns a raw tab or line break in an attribute into a space, and CR into
                // LF everywhere: a character reference keeps the value exactly as given.
                case UInt8(ascii: "\t"): replacement = inAttribute ? "&#9;" : "\t"
                case UInt8(ascii: "\n"): replacement = inAttribute ? "&#10;" : "\n"
                case UInt8(ascii: "\r"): replacement = "&#13;"
                // Not allowed anywhere in XML 1.0, not even as a character reference.
                case 0..<0x20: replacement = "\u{FFFD}"
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
                    // U+FFFE (EF BF BE) and U+FFFF (EF BF BF): also forbidden.
                    replacement = "\u{FFFD}"
                    length = 3
                default:
                    index += 1
                    continue
                }
                if index > runStart {
                    output.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self))
                }
                output.append(replacement)
                index += length
                runStart = index
            }
            if runStart == 0 { return true }
            if runStart < bytes.count {
                output.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart...]), as: UTF8.self))
            }
            return false
        }
        // Most values (numbers, colours, plain names) need no escaping: append the string
        // itself, which shares its storage instead of decoding its bytes again.
        if copiedWhole { output.append(value) }
    }

    /// `name` with every character that cannot be part of an XML name replaced by `_`.
    private static func xmlName(_ name: String) -> String {
        func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"),
                UInt8(ascii: ":"):
                return true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
                return !first
            default:
                return false
            }
        }
        let isValid = !name.isEmpty && name.utf8.enumerated().allSatisfy { isNameByte($1, first: $0 == 0) }
        if isValid { return name }
        if name.isEmpty { return "_" }
        var repaired = ""
        for (index, scalar) in name.unicodeScalars.enumerated() {
            let isKept = scalar.isASCII && isNameByte(UInt8(scalar.value), first: index == 0)
            repaired.unicodeScalars.append(isKept ? scalar : "_")
        }
        return repaired
    }
}
