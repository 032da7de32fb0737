import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads an RSS or Atom feed into a ``Feed``.
///
/// Elements are matched by namespace and local name, never by prefix, so an
/// Atom feed with a default namespace reads the same as one with `atom:`
/// prefixes, and the `<atom:link rel="self">`, `<content:encoded>` or
/// `<dc:date>` that blogs add to RSS never pass for the item's own fields.
/// Only the elements an importer needs are read; everything else (content,
/// categories, extensions) is skipped.
///
/// External entities are not loaded: a feed is fetched from someone else's
/// server, and must not make us read local files or other addresses.
public enum FeedParser {
    /// Parses a whole feed document.
    ///
    /// Entries whose fields are missing or unreadable are still returned (with
    /// `nil` there), so the importer can report each one by its line.
    ///
    /// - Throws: ``CoreError/invalidFeed(line:reason:)`` when the XML is not
    ///   well-formed (with the line the parser stopped at), or when the root
    ///   element is not `<rss>`, `<rdf:RDF>` (RSS 1.0) or an Atom `<feed>`.
    public static func parse(_ data: Data) throws -> Feed {
        // libxml2 reports no error code for an empty document on Linux.
        guard data.contains(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            throw CoreError.invalidFeed(line: 1, reason: "the document is empty")
        }
        // Blank lines or a byte-order mark before `<?xml` (a common WordPress
        // plugin fault) make the document ill-formed; readers skip them, and
        // lines are still counted as the file has them.
        let (unchecked, skippedLines) = Self.withoutLeadingSpace(data)
        let document: Data
        do {
            document = try XMLInput.prepared(unchecked)
        } catch {
            throw CoreError.invalidFeed(line: error.line + skippedLines, reason: error.reason)
        }
        let parser = XMLParser(data: document)
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let reader = Reader(lineOffset: skippedLines)
        parser.delegate = reader
        let finished = parser.parse()
        if let failure = reader.failure {
            throw CoreError.invalidFeed(line: failure.line, reason: failure.reason)
        }
        guard finished, let format = reader.format else {
            let code = (parser.parserError as NSError?)?.code ?? 1
            throw CoreError.invalidFeed(line: max(1, parser.lineNumber) + skippedLines, reason: describe(code: code))
        }
        return Feed(format: format, title: reader.feedTitle, link: reader.feedLink, entries: reader.entries)
    }

    /// `data` from its first `<`, when only white space and a UTF-8
    /// byte-order mark come before it, and how many lines that skipped.
    static func withoutLeadingSpace(_ data: Data) -> (Data, lines: Int) {
        var start = data.startIndex
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        var lines = 0
        while start < data.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(data[start]) {
            // CRLF counts once, as the parser counts it.
            if data[start] == 0x0A || (data[start] == 0x0D && data[data.index(after: start)...].first != 0x0A) { lines += 1 }
            start += 1
        }
        guard start > data.startIndex, start < data.endIndex, data[start] == UInt8(ascii: "<") else { return (data, 0) }
        return (Data(data[start...]), lines)
    }

    /// Words for the libxml2 errors a broken feed actually produces.
    ///
    /// The parser's `NSError` carries only libxml2's number, and
    /// swift-corelibs-foundation's `XMLParser.ErrorCode` is numbered two off
    /// libxml2's (its `tagNameMismatchError` is 74, libxml2 says 76), so the
    /// numbers are matched here as libxml2 (and Darwin's `NSXMLParser`) define them.
    static func describe(code: Int) -> String {
        switch code {
        case 3, 4: "the document does not start with an XML element"
        case 5: "the document ends before all its elements are closed"
        case 76: "a closing tag does not match the element it closes"
        case 73, 74, 77, 85: "an element is not properly opened and closed"
        case 86: "there is more content after the root element"
        case 14, 22, 26, 27: "it uses an undefined entity (an unescaped '&', or an HTML entity such as &nbsp;)"
        case 23: "an '&' is not escaped as &amp;"
        case 9: "it contains a character XML does not allow"
        case 6...13: "it contains a character reference XML does not allow"
        case 38...42: "an attribute is malformed"
        case 31, 32, 79, 81: "its character encoding is not supported"
        case 89: "its entities refer to each other in a loop, or expand to more than a feed holds (an entity bomb)"
        default: "it is not well-formed XML"
        }
    }
}

/// Namespaces the reader recognises elements in.
private enum Namespace {
    static let atom = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"
    /// FeedBurner's `origLink`: the post's own address, where `link` is a
    /// `feedproxy.google.com/~r/…` redirect.
    static let feedburner = "http://rssnamespace.org/feedburner/ext/1.0"
    static let xml = "http://www.w3.org/XML/1998/namespace"

    /// RSS 2.0 and 0.9x have no namespace; RSS 1.0 and 0.90 have their own.
    static let rss: Set<String> = ["", rss10, rss090]
    static let atoms: Set<String> = [atom, atom03]
}

/// The `XMLParser` delegate: a small state machine over the open elements.
private final class Reader: NSObject, XMLParserDelegate {
    /// Lines before the document's first `<` that were skipped.
    private let lineOffset: Int
    private(set) var format: Feed.Format?
    private(set) var feedTitle: String?
    private(set) var feedLink: String?
    private(set) var entries: [FeedEntry] = []
    private(set) var failure: (line: Int, reason: String)?

    /// How many elements are open (the root is depth 1).
    private var depth = 0
    /// The depth of the element whose children describe the feed: `<channel>`
    /// (RSS) or `<feed>` (Atom).
    private var containerDepth: Int?
    /// The entry being read, and its depth.
    private var entry: Draft?
    private var entryDepth = 0
    /// The field whose text is being gathered, until its element closes.
    private var capture: Capture?
    /// The feed's own Atom links, to choose the alternate from at the end.
    private var feedLinks: [AtomLink] = []
    /// The `xml:base` in force at each depth that set one, already resolved
    /// against the one around it: relative links are resolved against the last.
    private var bases: [(depth: Int, base: URL)] = []

    init(lineOffset: Int) {
        self.lineOffset = lineOffset
    }

    private func line(_ parser: XMLParser) -> Int { max(1, parser.lineNumber) + lineOffset }

    /// `link` made absolute against the `xml:base` in force, when there is one.
    private func resolved(_ link: String) -> String {
        guard let base = bases.last?.base, !FeedText.isWebAddress(link),
            let absolute = URL(string: link, relativeTo: base)?.absoluteString
        else { return link }
        return absolute
    }

    private enum Field { case title, link, origLink, id, guid, pubDate, dcDate, dcModified, published, updated }

    private struct Capture {
        var field: Field
        var depth: Int
        var text = ""
        /// The text is HTML (Atom `type="html"`): tags stripped, entities decoded.
        var isHTML = false
        /// The text is HTML when it holds HTML elements: RSS says titles are
        /// plain text, but blogs put `<em>` in them and readers show it as HTML.
        var sniffsHTML = false
        /// The text is base64 (Atom 0.3 `mode="base64"`).
        var isBase64 = false
        /// RSS titles are plain text, but CDATA leaves entities undecoded and
        /// nobody writes `&amp;` inside CDATA to mean those five characters.
        var decodesEntitiesInCDATA = false
    }

    private struct AtomLink {
        var href: String
        var rel: String?
        var type: String?
    }

    private struct Draft {
        var line: Int
        var title: String?
        var link: String?
        var origLink: String?
        var guid: String?
        var guidIsPermaLink = true
        var about: String?
        var pubDate: String?
        var dcDate: String?
        var dcModified: String?
        var atomID: String?
        var atomLinks: [AtomLink] = []
        var published: String?
        var updated: String?
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        let namespace = namespaceURI ?? ""
        if let base = attributes["xml:base"] ?? attributes["base"],
            let url = URL(string: base, relativeTo: bases.last?.base)?.absoluteURL
        {
            bases.append((depth, url))
        }
        guard let format else {
            return readRoot(parser, name: name, namespace: namespace, qualifiedName: qualifiedName)
        }
        // Inside a field, nested elements (Atom type="xhtml") only contribute their text.
        guard capture == nil else { return }
        // FeedBurner's original link, in RSS and Atom alike.
        if entry != nil, depth == entryDepth + 1, namespace == Namespace.feedburner, name == "origLink" {
            capture = Capture(field: .origLink, depth: depth)
            return
        }
        switch format {
        case .rss: startRSS(parser, name: name, namespace: namespace, attributes: attributes)
        case .atom: startAtom(parser, name: name, namespace: namespace, attributes: attributes)
        }
    }

    private func readRoot(_ parser: XMLParser, name: String, namespace: String, qualifiedName: String?) {
        if namespace.isEmpty && name == "rss" {
            format = .rss
        } else if namespace == Namespace.rdf && name == "RDF" {
            format = .rss
        } else if Namespace.atoms.contains(namespace) && name == "feed" {
            format = .atom
            containerDepth = 1
        } else {
            let shown = qualifiedName ?? name
            let hint = name.lowercased() == "html" ? " (a web page, not its feed)" : ""
            failure = (line(parser), "the document starts with <\(shown)>\(hint), not <rss> or <feed>")
            parser.abortParsing()
        }
    }

    private func startRSS(_ parser: XMLParser, name: String, namespace: String, attributes: [String: String]) {
        let isRSS = Namespace.rss.contains(namespace)
        guard isRSS || namespace == Namespace.dc || namespace == Namespace.dcterms else { return }
        if entry != nil {
            guard depth == entryDepth + 1 else { return }
            if !isRSS {
                if let field = Self.dublinCoreDate(name) { capture = Capture(field: field, depth: depth) }
                return
            }
            switch name {
            case "title": capture = Capture(field: .title, depth: depth, sniffsHTML: true)
            case "link": capture = Capture(field: .link, depth: depth)
            case "guid":
                capture = Capture(field: .guid, depth: depth)
                entry?.guidIsPermaLink = attributes["isPermaLink"]?.lowercased() != "false"
            case "pubDate": capture = Capture(field: .pubDate, depth: depth)
            default: break
            }
        } else if isRSS && name == "channel" && depth == 2 {
            containerDepth = depth
        } else if isRSS && name == "item" && (depth == 2 || depth == (containerDepth ?? 0) + 1) {
            // RSS 2.0 nests items in <channel>; RSS 1.0 makes them its siblings.
            entry = Draft(line: line(parser), about: attributes["rdf:about"])
            entryDepth = depth
        } else if isRSS && depth == (containerDepth ?? 0) + 1 {
            switch name {
            case "title": capture = Capture(field: .title, depth: depth, sniffsHTML: true)
            case "link": capture = Capture(field: .link, depth: depth)
            default: break
            }
        }
    }

    /// The field a Dublin Core date of an entry fills: `dc:date`,
    /// `dcterms:created` and `dcterms:issued` say when it was published,
    /// `dcterms:modified` when it last changed.
    private static func dublinCoreDate(_ name: String) -> Field? {
        switch name {
        case "date", "created", "issued": .dcDate
        case "modified": .dcModified
        default: nil
        }
    }

    private func startAtom(_ parser: XMLParser, name: String, namespace: String, attributes: [String: String]) {
        if entry != nil, depth == entryDepth + 1, namespace == Namespace.dc || namespace == Namespace.dcterms {
            if let field = Self.dublinCoreDate(name) { capture = Capture(field: field, depth: depth) }
            return
        }
        guard Namespace.atoms.contains(namespace) else { return }
        let isHTML =
            ["html", "text/html", "escaped"].contains(attributes["type"]?.lowercased() ?? "")
            || attributes["mode"] == "escaped"
        let isBase64 = attributes["mode"] == "base64"
        if entry != nil {
            guard depth == entryDepth + 1 else { return }
            switch name {
            case "title": capture = Capture(field: .title, depth: depth, isHTML: isHTML, isBase64: isBase64)
            case "link": if let link = atomLink(attributes) { entry?.atomLinks.append(link) }
            case "id": capture = Capture(field: .id, depth: depth)
            // Atom 0.3 said issued and modified.
            case "published", "issued": capture = Capture(field: .published, depth: depth)
            case "updated", "modified": capture = Capture(field: .updated, depth: depth)
            default: break
            }
        } else if name == "entry" && depth == 2 {
            entry = Draft(line: line(parser))
            entryDepth = depth
        } else if depth == 2 {
            switch name {
            case "title": capture = Capture(field: .title, depth: depth, isHTML: isHTML, isBase64: isBase64)
            case "link": if let link = atomLink(attributes) { feedLinks.append(link) }
            default: break
            }
        }
    }

    private func atomLink(_ attributes: [String: String]) -> AtomLink? {
        guard let href = FeedText.trimmed(attributes["href"]) else { return nil }
        return AtomLink(href: resolved(href), rel: attributes["rel"]?.lowercased(), type: attributes["type"]?.lowercased())
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        capture?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        guard let decodes = capture?.decodesEntitiesInCDATA else { return }
        let text = String(decoding: block, as: UTF8.self)
        capture?.text += decodes ? FeedText.decodingEntities(text) : text
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer {
            if bases.last?.depth == depth { bases.removeLast() }
            depth -= 1
        }
        if let capture, capture.depth == depth {
            self.capture = nil
            store(capture)
        } else if let entry, depth == entryDepth {
            self.entry = nil
            entries.append(finish(entry))
        } else if depth == 1, format == .atom {
            feedLink = Self.alternate(in: feedLinks)
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        // Read the line now: once parse() returns, the parser may have let go of its position.
        if failure == nil {
            let code = (parseError as NSError).code
            failure = (line(parser), FeedParser.describe(code: code))
        }
    }

    private func store(_ capture: Capture) {
        var raw = capture.text
        if capture.isBase64 {
            guard let data = Data(base64Encoded: raw, options: .ignoreUnknownCharacters) else { return }
            raw = String(decoding: data, as: UTF8.self)
        }
        let text: String?
        switch capture.field {
        case .title: text = FeedText.title(raw, isHTML: capture.isHTML || (capture.sniffsHTML && FeedText.looksLikeHTML(raw)))
        case .link, .origLink: text = FeedText.trimmed(raw).map(resolved)
        default: text = FeedText.trimmed(raw)
        }
        guard let text else { return }
        guard var draft = entry else {
            switch capture.field {
            case .title: feedTitle = feedTitle ?? text
            case .link: feedLink = feedLink ?? text
            default: break
            }
            return
        }
        // The first occurrence wins: a duplicated element is a generator's mistake, not a correction.
        switch capture.field {
        case .title: draft.title = draft.title ?? text
        case .link: draft.link = draft.link ?? text
        case .origLink: draft.origLink = draft.origLink ?? text
        case .id: draft.atomID = draft.atomID ?? text
        case .guid: draft.guid = draft.guid ?? text
        case .pubDate: draft.pubDate = draft.pubDate ?? text
        case .dcDate: draft.dcDate = draft.dcDate ?? text
        case .dcModified: draft.dcModified = draft.dcModified ?? text
        case .published: draft.published = draft.published ?? text
        case .updated: draft.updated = draft.updated ?? text
        }
        entry = draft
    }

    private func finish(_ draft: Draft) -> FeedEntry {
        switch format {
        case .atom?:
            let link =
                draft.origLink ?? Self.alternate(in: draft.atomLinks)
                ?? draft.atomID.flatMap { FeedText.isWebAddress($0) ? $0 : nil }
            return FeedEntry(
                title: draft.title, link: link, id: draft.atomID,
                published: draft.published.flatMap(FeedDate.rfc3339) ?? draft.dcDate.flatMap(FeedDate.rfc3339),
                updated: draft.updated.flatMap(FeedDate.rfc3339) ?? draft.dcModified.flatMap(FeedDate.rfc3339),
                line: draft.line)
        default:
            let permalink = draft.guid.flatMap { draft.guidIsPermaLink && FeedText.isWebAddress($0) ? $0 : nil }
            return FeedEntry(
                title: draft.title, link: draft.origLink ?? draft.link ?? permalink, id: draft.guid ?? draft.about,
                published: draft.pubDate.flatMap(FeedDate.rfc822) ?? draft.dcDate.flatMap(FeedDate.rfc3339),
                updated: draft.dcModified.flatMap(FeedDate.rfc3339), line: draft.line)
        }
    }

    /// The page a reader would open: `rel="alternate"` or no `rel` (RFC 4287
    /// §4.2.7.2), preferring an HTML one when several formats are offered.
    private static func alternate(in links: [AtomLink]) -> String? {
        let alternates = links.filter { $0.rel == nil || $0.rel == "alternate" }
        let html = alternates.first { $0.type == nil || $0.type?.contains("html") == true }
        return (html ?? alternates.first)?.href
    }
}

/// Text clean-up shared by the feed's fields.
enum FeedText {
    /// Trimmed, or `nil` when nothing is left.
    static func trimmed(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// A title as a reader sees it: one line, single spaces; HTML reduced to
    /// its text (scripts and styles with their content, tags without); and
    /// entities decoded once more, for the feeds that escape them twice
    /// (`&amp;amp;` in the XML).
    static func title(_ text: String, isHTML: Bool) -> String? {
        let plain = decodingEntities(isHTML ? strippingTags(removingScripts(text)) : text)
        let collapsed = plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }

    /// Whether `text` holds an HTML element (`<em>`, `</a>`, `<br/>`…), as
    /// opposed to a lone `<` or a `<T>` of code.
    static func looksLikeHTML(_ text: String) -> Bool {
        guard text.contains("<") else { return false }
        var rest = text[...]
        while let open = rest.firstIndex(of: "<") {
            var name = rest[rest.index(after: open)...]
            if name.first == "/" { name = name.dropFirst() }
            let tag = name.prefix { $0.isASCII && $0.isLetter || $0.isNumber }
            let after = name.dropFirst(tag.count).first
            if htmlElements.contains(tag.lowercased()), after == ">" || after == "/" || after?.isWhitespace == true {
                return true
            }
            rest = rest[rest.index(after: open)...]
        }
        return false
    }

    /// The elements that make a title HTML: inline text markup, links,
    /// images, breaks, and what must never show (scripts and styles).
    static let htmlElements: Set<String> = [
        "a", "abbr", "b", "br", "cite", "code", "del", "em", "font", "i", "img", "ins", "kbd", "mark", "p", "q", "s",
        "samp", "small", "span", "strike", "strong", "sub", "sup", "tt", "u", "var", "div", "script", "style", "h1", "h2",
        "h3", "wbr",
    ]

    /// `html` without its `<script>` and `<style>` elements, content included:
    /// a reader never shows that text.
    static func removingScripts(_ html: String) -> String {
        guard
            html.range(of: "<script", options: .caseInsensitive) != nil
                || html.range(of: "<style", options: .caseInsensitive) != nil
        else { return html }
        var result = html
        for tag in ["script", "style"] {
            while let open = result.range(of: "<\(tag)", options: .caseInsensitive) {
                let close = result.range(of: "</\(tag)", options: .caseInsensitive, range: open.upperBound..<result.endIndex)
                let end = close.flatMap { result[$0.upperBound...].firstIndex(of: ">") }.map(result.index(after:))
                result.removeSubrange(open.lowerBound..<(end ?? result.endIndex))
            }
        }
        return result
    }

    /// Whether `text` is an absolute http(s) address (a guid or id may be a URN or a tag URI).
    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && lower.count > 8
    }

    /// Removes what looks like a tag (`<` then a letter, `/`, `!` or `?`, up to
    /// `>`), so that a lone `<` in "a < b" survives.
    static func strippingTags(_ html: String) -> String {
        var result = ""
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            let next = html.index(after: index)
            if character == "<", next < html.endIndex,
                html[next].isLetter || html[next] == "/" || html[next] == "!" || html[next] == "?",
                let close = html[next...].firstIndex(of: ">")
            {
                index = html.index(after: close)
            } else {
                result.append(character)
                index = next
            }
        }
        return result
    }

    /// Decodes HTML character references: numeric ones and the named ones
    /// titles use. An unknown name is left as written.
    static func decodingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            let window = rest[afterAmpersand...].prefix(12)
            if let semicolon = window.firstIndex(of: ";"), let decoded = entity(rest[afterAmpersand..<semicolon]) {
                result += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest[afterAmpersand...]
            }
        }
        return result + rest
    }

    private static func entity(_ name: Substring) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            // 0 and the surrogates are not characters; a control character in a title is noise.
            guard let value, value >= 0x20 || value == 0x09 || value == 0x0A, let scalar = Unicode.Scalar(value) else {
                return nil
            }
            return String(Character(scalar))
        }
        return namedEntities[String(name)]
    }

    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
        "laquo": "«", "raquo": "»", "middot": "·", "bull": "•", "copy": "©", "reg": "®", "trade": "™", "euro": "€",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "agrave": "à", "acirc": "â", "ccedil": "ç", "ocirc": "ô",
        "icirc": "î", "ugrave": "ù", "ucirc": "û", "euml": "ë", "iuml": "ï", "ouml": "ö", "uuml": "ü", "auml": "ä",
        "szlig": "ß", "Eacute": "É", "Egrave": "È", "Agrave": "À", "Ccedil": "Ç",
    ]
}
