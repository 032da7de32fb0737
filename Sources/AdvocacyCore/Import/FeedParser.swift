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
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let reader = Reader()
        parser.delegate = reader
        let finished = parser.parse()
        if let failure = reader.failure {
            throw CoreError.invalidFeed(line: failure.line, reason: failure.reason)
        }
        guard finished, let format = reader.format else {
            let code = (parser.parserError as NSError?)?.code ?? 1
            throw CoreError.invalidFeed(line: max(1, parser.lineNumber), reason: describe(code: code))
        }
        return Feed(format: format, title: reader.feedTitle, link: reader.feedLink, entries: reader.entries)
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
        case 89: "its entities refer to each other in a loop"
        default: "it is not well-formed XML (libxml2 error \(code))"
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

    /// RSS 2.0 and 0.9x have no namespace; RSS 1.0 and 0.90 have their own.
    static let rss: Set<String> = ["", rss10, rss090]
    static let atoms: Set<String> = [atom, atom03]
}

/// The `XMLParser` delegate: a small state machine over the open elements.
private final class Reader: NSObject, XMLParserDelegate {
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

    private enum Field { case title, link, id, guid, pubDate, dcDate, published, updated }

    private struct Capture {
        var field: Field
        var depth: Int
        var text = ""
        /// The text is HTML (Atom `type="html"`): tags stripped, entities decoded.
        var isHTML = false
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
        var guid: String?
        var guidIsPermaLink = true
        var about: String?
        var pubDate: String?
        var dcDate: String?
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
        guard let format else {
            return readRoot(parser, name: name, namespace: namespace, qualifiedName: qualifiedName)
        }
        // Inside a field, nested elements (Atom type="xhtml") only contribute their text.
        guard capture == nil else { return }
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
            failure = (parser.lineNumber, "the document starts with <\(shown)>\(hint), not <rss> or <feed>")
            parser.abortParsing()
        }
    }

    private func startRSS(_ parser: XMLParser, name: String, namespace: String, attributes: [String: String]) {
        guard Namespace.rss.contains(namespace) || namespace == Namespace.dc else { return }
        let isRSS = Namespace.rss.contains(namespace)
        if entry != nil {
            guard depth == entryDepth + 1 else { return }
            switch (isRSS, name) {
            case (true, "title"): capture = Capture(field: .title, depth: depth, decodesEntitiesInCDATA: true)
            case (true, "link"): capture = Capture(field: .link, depth: depth)
            case (true, "guid"):
                capture = Capture(field: .guid, depth: depth)
                entry?.guidIsPermaLink = attributes["isPermaLink"]?.lowercased() != "false"
            case (true, "pubDate"): capture = Capture(field: .pubDate, depth: depth)
            case (false, "date"): capture = Capture(field: .dcDate, depth: depth)
            default: break
            }
        } else if isRSS && name == "channel" && depth == 2 {
            containerDepth = depth
        } else if isRSS && name == "item" && (depth == 2 || depth == (containerDepth ?? 0) + 1) {
            // RSS 2.0 nests items in <channel>; RSS 1.0 makes them its siblings.
            entry = Draft(line: parser.lineNumber, about: attributes["rdf:about"])
            entryDepth = depth
        } else if isRSS && depth == (containerDepth ?? 0) + 1 {
            switch name {
            case "title": capture = Capture(field: .title, depth: depth, decodesEntitiesInCDATA: true)
            case "link": capture = Capture(field: .link, depth: depth)
            default: break
            }
        }
    }

    private func startAtom(_ parser: XMLParser, name: String, namespace: String, attributes: [String: String]) {
        guard Namespace.atoms.contains(namespace) else { return }
        let isHTML =
            ["html", "text/html", "escaped"].contains(attributes["type"]?.lowercased() ?? "")
            || attributes["mode"] == "escaped"
        if entry != nil {
            guard depth == entryDepth + 1 else { return }
            switch name {
            case "title": capture = Capture(field: .title, depth: depth, isHTML: isHTML)
            case "link": if let link = Self.atomLink(attributes) { entry?.atomLinks.append(link) }
            case "id": capture = Capture(field: .id, depth: depth)
            // Atom 0.3 said issued and modified.
            case "published", "issued": capture = Capture(field: .published, depth: depth)
            case "updated", "modified": capture = Capture(field: .updated, depth: depth)
            default: break
            }
        } else if name == "entry" && depth == 2 {
            entry = Draft(line: parser.lineNumber)
            entryDepth = depth
        } else if depth == 2 {
            switch name {
            case "title": capture = Capture(field: .title, depth: depth, isHTML: isHTML)
            case "link": if let link = Self.atomLink(attributes) { feedLinks.append(link) }
            default: break
            }
        }
    }

    private static func atomLink(_ attributes: [String: String]) -> AtomLink? {
        guard let href = FeedText.trimmed(attributes["href"]) else { return nil }
        return AtomLink(href: href, rel: attributes["rel"]?.lowercased(), type: attributes["type"]?.lowercased())
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
        defer { depth -= 1 }
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
            failure = (max(1, parser.lineNumber), FeedParser.describe(code: code))
        }
    }

    private func store(_ capture: Capture) {
        let text = capture.field == .title ? FeedText.title(capture.text, isHTML: capture.isHTML) : FeedText.trimmed(capture.text)
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
        case .id: draft.atomID = draft.atomID ?? text
        case .guid: draft.guid = draft.guid ?? text
        case .pubDate: draft.pubDate = draft.pubDate ?? text
        case .dcDate: draft.dcDate = draft.dcDate ?? text
        case .published: draft.published = draft.published ?? text
        case .updated: draft.updated = draft.updated ?? text
        }
        entry = draft
    }

    private func finish(_ draft: Draft) -> FeedEntry {
        switch format {
        case .atom?:
            let link = Self.alternate(in: draft.atomLinks) ?? draft.atomID.flatMap { FeedText.isWebAddress($0) ? $0 : nil }
            return FeedEntry(
                title: draft.title, link: link, id: draft.atomID,
                published: draft.published.flatMap(FeedDate.rfc3339), updated: draft.updated.flatMap(FeedDate.rfc3339),
                line: draft.line)
        default:
            let permalink = draft.guid.flatMap { draft.guidIsPermaLink && FeedText.isWebAddress($0) ? $0 : nil }
            return FeedEntry(
                title: draft.title, link: draft.link ?? permalink, id: draft.guid ?? draft.about,
                published: draft.pubDate.flatMap(FeedDate.rfc822) ?? draft.dcDate.flatMap(FeedDate.rfc3339),
                line: draft.line)
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

    /// A title as a reader sees it: one line, single spaces; HTML reduced to its text.
    static func title(_ text: String, isHTML: Bool) -> String? {
        let plain = isHTML ? decodingEntities(strippingTags(text)) : text
        let collapsed = plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
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
