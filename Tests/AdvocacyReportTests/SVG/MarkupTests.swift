import Foundation
import Testing

@testable import AdvocacyReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Markup")
struct MarkupTests {
    @Test func attributesKeepTheirOrderAndNilOnesAreLeftOut() {
        let markup = Markup.element("a", [("z", "1"), ("gone", nil), ("b", "2"), ("m", "")], [.text("x")])
        #expect(markup.render() == #"<a z="1" b="2" m="">x</a>"#)
    }

    @Test func textEscapesMarkupButNotQuotes() {
        #expect(Markup.text(#"<b> & "q" 'a'"#).render() == #"&lt;b&gt; &amp; "q" 'a'"#)
    }

    @Test func attributeValuesEscapeQuotesToo() {
        let markup = Markup.element("a", [("title", #"<b> & "q" 'a'"#)])
        #expect(markup.render() == #"<a title="&lt;b&gt; &amp; &quot;q&quot; &#39;a&#39;"></a>"#)
    }

    @Test(arguments: [
        "circle", "rect", "line", "path", "polyline", "polygon", "ellipse", "stop", "use", "meta", "br", "hr", "img", "link",
        "col", "wbr", "input",
    ])
    func voidAndLeafElementsSelfClose(name: String) {
        #expect(Markup.element(name, [("class", "c")]).render() == #"<\#(name) class="c"/>"#)
    }

    @Test(arguments: ["div", "script", "svg", "g", "text", "title", "span", "a", "style"])
    func otherElementsAlwaysClose(name: String) {
        #expect(Markup.element(name).render() == "<\(name)></\(name)>")
    }

    @Test func aLeafWithChildrenIsNotSelfClosed() {
        let rect = Markup.element("rect", [("width", "3")], [.element("title", [], [.text("t")])])
        #expect(rect.render() == #"<rect width="3"><title>t</title></rect>"#)
    }

    @Test func trustedTextIsWrittenAsIs() {
        let page = Markup.group([.trusted("<!DOCTYPE html>"), .element("style", [], [.trusted("a > b { color: red }")])])
        #expect(page.render() == "<!DOCTYPE html><style>a > b { color: red }</style>")
    }

    @Test func aGroupRendersOnlyItsChildren() {
        let group = Markup.group([.text("a"), .group([.element("br"), .text("b")]), .group([])])
        #expect(group.render() == "a<br/>b")
    }

    @Test func renderIntoAppends() {
        var output = "before:"
        Markup.element("i", [], [.text("x")]).render(into: &output)
        #expect(output == "before:<i>x</i>")
    }

    @Test func charactersXMLForbidsBecomeTheReplacementCharacter() {
        let text = "a\u{1}b\u{0}c\u{1F}d\u{FFFE}e\u{FFFF}f"
        #expect(Markup.text(text).render() == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f")
        #expect(Markup.element("x", [("v", text)]).render() == "<x v=\"a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\"></x>")
    }

    @Test func charactersNearTheForbiddenOnesAreKept() {
        // U+FFFD and U+FFFC share the lead byte of U+FFFE: only the forbidden two change.
        let text = "\u{FFFD}\u{FFFC}\u{F000}é😀\u{7F}\u{85}"
        #expect(Markup.text(text).render() == text)
    }

    @Test func textAroundEscapesIsCopiedWhole() {
        #expect(Markup.text("é&ü<😀>\u{FFFE}x\u{FFFF}").render() == "é&amp;ü&lt;😀&gt;\u{FFFD}x\u{FFFD}")
        #expect(Markup.element("x", [("v", "😀'ß\"")]).render() == #"<x v="😀&#39;ß&quot;"></x>"#)
        // A lone lead byte EF at the end (in U+F000) must not be read past.
        #expect(Markup.text("a\u{F000}").render() == "a\u{F000}")
    }

    @Test func whitespaceInAttributesReadsBackExactly() throws {
        let value = "a\tb\nc\r\nd  e"
        let markup = Markup.element("x", [("v", value)], [.text("1\r\n2")])
        let document = try XMLDocument(xmlString: markup.render(), options: [])
        #expect(document.rootElement()?.attribute(forName: "v")?.stringValue == value)
        #expect(document.rootElement()?.stringValue == "1\r\n2")
    }

    @Test func namesThatCannotBeXMLNamesAreRepaired() {
        let markup = Markup.element("a b<", [("on click", "x"), ("", "y"), ("1st", "z")])
        #expect(markup.render() == #"<a_b_ on_click="x" _="y" _st="z"></a_b_>"#)
    }

    @Test func hostileTextRoundTripsThroughAnXMLParser() throws {
        let markup = Markup.element(
            "root", [("a", HostileText.script), ("b", HostileText.quotes)],
            [.element("p", [], [.text(HostileText.script)]), .element("p", [], [.text(HostileText.quotes)])])
        let rendered = markup.render()
        #expect(!rendered.contains("<script"))
        let document = try XMLDocument(xmlString: rendered, options: [])
        let root = try #require(document.rootElement())
        #expect(root.attribute(forName: "a")?.stringValue == HostileText.script)
        #expect(root.attribute(forName: "b")?.stringValue == HostileText.quotes)
        #expect(root.elements(forName: "p").map(\.stringValue) == [HostileText.script, HostileText.quotes])
    }

    @Test func tenThousandCirclesRenderQuickly() {
        let circles = (0..<10_000).map { index in
            Markup.element(
                "circle",
                [("class", "point"), ("cx", String(index % 700)), ("cy", String(index % 400)), ("r", "3")])
        }
        let svg = Markup.element(
            "svg", [("xmlns", "http://www.w3.org/2000/svg")], [.element("g", [("fill", "#0072B2")], circles)])
        let clock = ContinuousClock()
        var output = ""
        let elapsed = clock.measure { output = svg.render() }
        #expect(output.utf8.count > 400_000)
        // 50 ms is the goal in release; a debug build with a busy machine gets a wide margin,
        // which still catches anything quadratic.
        #expect(elapsed < .seconds(1))
    }
}
