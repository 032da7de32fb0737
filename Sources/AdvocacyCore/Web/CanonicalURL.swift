import Foundation

/// A web address in the one form we store, so that the same post shared with
/// different tracking tags, hosts or fragments is recognised as one.
///
/// The rules: scheme and host lower-cased; `www.` (and the mobile prefixes
/// `m.` and `mobile.`) dropped; default ports, fragments, tracking
/// parameters (`utm_*`, `fbclid`, `gclid`, `trk`, ...) and the trailing slash
/// removed; remaining query parameters sorted; `twitter.com` becomes `x.com`
/// and `youtu.be/ID` becomes `youtube.com/watch?v=ID`; `fr.linkedin.com` becomes
/// `linkedin.com`; case-insensitive handles (X, LinkedIn, GitHub, `/@user`)
/// are lower-cased. An address typed without a scheme (`blog.example.com/post`)
/// is taken as `https`.
///
/// One post, one address: a LinkedIn post's forms (`/posts/jane-doe_slug-activity-ID-x`,
/// `/feed/update/urn:li:activity:ID`, percent-encoded or embedded) become
/// `linkedin.com/feed/update/urn:li:activity:ID`; YouTube's `youtu.be/ID`,
/// `/shorts/ID`, `/embed/ID` and `/live/ID` become `youtube.com/watch?v=ID`
/// (video ids keep their case); Medium's `?source=rss…` goes.
public struct CanonicalURL: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The canonical text; everything else is read off it.
    public let string: String
    /// The author's handle that a rewritten address named and its canonical
    /// form no longer does (`jane-doe` in `/posts/jane-doe_…`), so the post's
    /// channel can still be found from it. Not part of the address: two
    /// addresses are equal when their canonical text is.
    public let authorHint: String?

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.string == rhs.string }
    public func hash(into hasher: inout Hasher) { hasher.combine(string) }

    // The accessors below slice the UTF-8 view: canonical text is ASCII up to
    // its path, and Character-by-Character slicing (grapheme breaking) made
    // them the slowest part of importing a million actions.

    /// `http` or `https`.
    public var scheme: String { String(Substring(string.utf8.prefix { $0 != UInt8(ascii: ":") })) }

    /// What follows `scheme://`.
    private var afterScheme: Substring.UTF8View {
        let utf8 = string.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return Substring(string).utf8 }
        let start = utf8.index(colon, offsetBy: 3, limitedBy: utf8.endIndex) ?? utf8.endIndex
        return Substring(string).utf8[start...]
    }

    /// The lower-cased host without `www.` (and without the port).
    public var host: String {
        String(Substring(afterScheme.prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: ":") }))
    }

    /// The path split on `/`, without empty segments, percent-decoded.
    public var pathSegments: [String] {
        afterScheme.prefix { $0 != UInt8(ascii: "?") }.split(separator: UInt8(ascii: "/")).dropFirst().map { bytes in
            let segment = Substring(bytes)
            return segment.utf8.contains(UInt8(ascii: "%")) ? segment.removingPercentEncoding ?? String(segment) : String(segment)
        }
    }

    /// Query parameters that only track where a click came from.
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "igsh",
        "trk", "trkinfo", "li_fat_id", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "ref_src", "ref_url",
        "si", "feature",
    ]

    /// Hosts whose query string never identifies the content.
    static let queryFreeHosts: Set<String> = ["x.com", "linkedin.com", "mastodon.social"]

    public init(_ text: String) throws {
        // Files and feeds mostly hold addresses already in this form; proving
        // it byte by byte is far cheaper than parsing with URLComponents.
        if Self.isPlainlyCanonical(text) {
            string = text
            authorHint = nil
            return
        }
        if let post = Self.exportedLinkedInPost(text) {
            string = post
            authorHint = nil
            return
        }
        string = try Self.canonicalForm(of: text)
        authorHint = Self.linkedInAuthor(in: text, canonical: string)
    }

    /// The member a LinkedIn `/posts/<handle>_…` address names, once it was
    /// rewritten to its activity form.
    static func linkedInAuthor(in text: String, canonical: String) -> String? {
        guard canonical.hasPrefix("https://linkedin.com/feed/update/"), let posts = text.range(of: "/posts/") else { return nil }
        let handle = text[posts.upperBound...].prefix { $0 != "_" && $0 != "/" && $0 != "?" }
        guard !handle.isEmpty, handle.count < text[posts.upperBound...].count else { return nil }
        return handle.lowercased()
    }

    /// Whether `text` is certainly canonical already: `http(s)://`, a plain
    /// lower-case host that no rule rewrites, and a path of unreserved
    /// characters with no port, query, fragment, percent sign, empty or dot
    /// segment, trailing slash, or capital where a rule would lower it.
    /// Anything else goes through the full parser, which tests check gives
    /// the same text whenever this says yes.
    static func isPlainlyCanonical(_ text: String) -> Bool {
        var text = text
        // One pass over the bytes with no allocation: it runs for every address of an import.
        return text.withUTF8(isPlainlyCanonical(bytes:))
    }

    private static func isPlainlyCanonical(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count <= 2048 else { return false }
        let start: Int
        if bytes.starts(with: "https://".utf8) {
            start = 8
        } else if bytes.starts(with: "http://".utf8) {
            start = 7
        } else {
            return false
        }
        // The host: lower-case labels of letters, digits and "-", at least two, none empty.
        let pathStart = bytes[start...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
        let host = UnsafeBufferPointer(rebasing: bytes[start..<pathStart])
        var labels = 0, labelLength = 0
        for byte in host {
            if byte == UInt8(ascii: ".") {
                guard labelLength > 0 else { return false }
                labels += 1
                labelLength = 0
            } else {
                guard isLowercaseLetterOrDigit(byte) || byte == UInt8(ascii: "-") else { return false }
                labelLength += 1
            }
        }
        guard labelLength > 0, labels >= 1, host.last != UInt8(ascii: "-") else { return false }
        func hostIs(_ name: String) -> Bool { host.elementsEqual(name.utf8) }
        let linkedInSubdomain = ".linkedin.com".utf8
        if host.starts(with: "www.".utf8) || host.starts(with: "m.".utf8) || host.starts(with: "mobile.".utf8)
            || hostIs("twitter.com") || hostIs("youtu.be") || hostIs("youtube.com")
            || host.suffix(linkedInSubdomain.count).elementsEqual(linkedInSubdomain)
        {
            return false
        }
        let path = UnsafeBufferPointer(rebasing: bytes[pathStart...])
        if hostIs("linkedin.com") {
            // A LinkedIn post's address that names its activity is rewritten to
            // that form, which is itself canonical.
            if path.starts(with: "/feed/update/urn:li:".utf8) { return isCanonicalLinkedInPost(path) }
            if path.starts(with: "/posts/".utf8), containsActivityMarker(path) { return false }
        }
        // An X post's photo, video or analytics page is rewritten to the post.
        if hostIs("x.com") {
            let segments = path.split(separator: UInt8(ascii: "/"), maxSplits: 3)
            if segments.count > 1,
                segments[1].elementsEqual("statuses".utf8)
                    || (segments.count > 3 && segments[1].elementsEqual("status".utf8))
            {
                return false
            }
        }
        // Hosts whose handles are case-insensitive: a capital anywhere in the path may be lowered.
        let lowersPath = hostIs("x.com") || hostIs("linkedin.com") || hostIs("github.com")

        // The path: "/"-separated segments of unreserved characters, none empty or only dots, no trailing "/".
        guard !path.isEmpty else { return true }
        guard path.last != UInt8(ascii: "/") else { return false }
        var segment = 0, segmentLength = 0, onlyDots = true, firstIsAt = false
        for byte in path.dropFirst() {
            if byte == UInt8(ascii: "/") {
                guard segmentLength > 0, !onlyDots else { return false }
                segment += 1
                segmentLength = 0
                onlyDots = true
                continue
            }
            if segmentLength == 0 { firstIsAt = byte == UInt8(ascii: "@") }
            segmentLength += 1
            if byte != UInt8(ascii: ".") { onlyDots = false }
            switch byte {
            case _ where isLowercaseLetterOrDigit(byte): break
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "@"):
                break
            // A "/@Handle" first segment is lower-cased by the rules.
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !lowersPath && !(segment == 0 && firstIsAt): break
            default: return false
            }
        }
        return segmentLength > 0 && !onlyDots
    }

    /// The canonical form of a LinkedIn post's address as LinkedIn's own
    /// export writes it, `https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3AID`
    /// (or `activity`, `ugcPost`; `:` or `%3A`, a trailing `/`), read without
    /// the full parser: every row of a Shares.csv has one. Nil for anything
    /// else, which the parser reads; tests check both give the same text.
    static func exportedLinkedInPost(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var rest = bytes[...]
            guard
                let prefix = ["https://www.linkedin.com/feed/update/", "https://linkedin.com/feed/update/"].first(where: {
                    rest.starts(with: $0.utf8)
                })
            else { return nil }
            rest = rest.dropFirst(prefix.utf8.count)
            if rest.last == UInt8(ascii: "/") { rest = rest.dropLast() }
            /// Drops `word` (any case) and the `:` after it, written `%3A` or not.
            func drop(_ word: String) -> Bool {
                guard rest.count > word.utf8.count,
                    zip(rest, word.utf8).allSatisfy({ $0 | 0x20 == $1 | 0x20 })
                else { return false }
                rest = rest.dropFirst(word.utf8.count)
                if rest.first == UInt8(ascii: ":") {
                    rest = rest.dropFirst()
                } else if rest.count > 3, rest.prefix(3).elementsEqual("%3A".utf8) || rest.prefix(3).elementsEqual("%3a".utf8) {
                    rest = rest.dropFirst(3)
                } else {
                    return false
                }
                return true
            }
            guard drop("urn"), drop("li"), let kind = ["activity", "share", "ugcPost"].first(where: drop),
                rest.count >= 10, rest.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
            else { return nil }
            return "https://linkedin.com/feed/update/urn:li:\(kind):" + String(decoding: rest, as: UTF8.self)
        }
    }

    /// Whether a LinkedIn path is exactly a post's canonical form,
    /// `/feed/update/urn:li:activity:ID` (or `share`, `ugcPost`), ID at least ten digits.
    private static func isCanonicalLinkedInPost(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        let urn = path.dropFirst("/feed/update/urn:li:".utf8.count)
        for kind in ["activity:", "share:", "ugcPost:"] where urn.starts(with: kind.utf8) {
            let id = urn.dropFirst(kind.utf8.count)
            return id.count >= 10 && id.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        }
        return false
    }

    /// Whether a `/posts/` path holds `activity-`, which ``linkedInPost(_:)`` reads an id after.
    private static func containsActivityMarker(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        let marker = Array("activity-".utf8)
        var matched = 0
        for byte in path {
            // Segments are lower-cased before the marker is looked for.
            let lowered = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            matched = lowered == marker[matched] ? matched + 1 : (lowered == marker[0] ? 1 : 0)
            if matched == marker.count { return true }
        }
        return false
    }

    private static func isLowercaseLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The full parser: every rule of the type's documentation.
    static func canonicalForm(of text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw CoreError.invalidURL(text, reason: "it is empty") }
        guard !trimmed.contains(where: { $0.isWhitespace }) else {
            throw CoreError.invalidURL(text, reason: "it contains spaces")
        }
        let typedScheme = trimmed.contains("://")
        // Without "://", a leading "word:" is a scheme ("mailto:", "htp:/x"), not a host with a port.
        if !typedScheme, let colon = trimmed.firstIndex(of: ":"),
            !trimmed[..<colon].contains(where: { $0 == "/" || $0 == "." })
        {
            throw CoreError.invalidURL(text, reason: "only http and https addresses are accepted")
        }
        let withScheme = typedScheme ? trimmed : "https://" + trimmed
        guard let components = URLComponents(string: withScheme) else {
            throw CoreError.invalidURL(text, reason: "it cannot be read as an address")
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw CoreError.invalidURL(text, reason: "only http and https addresses are accepted")
        }
        guard components.user == nil, components.password == nil else {
            throw CoreError.invalidURL(text, reason: "addresses with a user name or password are refused")
        }
        var host = (components.host ?? "").lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        // A host is ASCII: an international domain is written in its xn-- form
        // (a percent-encoded one, `%EF%BE%BD`, would otherwise decode to text
        // that does not read back as the same address).
        guard host.allSatisfy(\.isASCII) else {
            throw CoreError.invalidURL(
                text, reason: "its host name is not plain ASCII (write an international domain in its xn-- form)")
        }
        guard !host.isEmpty,
            host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }),
            !host.hasPrefix("."), !host.hasSuffix("."), !host.contains("..")
        else { throw CoreError.invalidURL(text, reason: "it has no valid host name") }
        if !typedScheme && !host.contains(".") {
            throw CoreError.invalidURL(text, reason: "'\(host)' is not a full host name")
        }
        // Until none is left (`www.www.`, `m.www.`), so that the result is a fixed point.
        while let prefix = ["www.", "m.", "mobile."].first(where: {
            host.hasPrefix($0) && host.dropFirst($0.count).contains(".")
        }) {
            host.removeFirst(prefix.count)
        }
        if host == "twitter.com" { host = "x.com" }
        // fr.linkedin.com, de.linkedin.com... show the same posts and profiles.
        if host.hasSuffix(".linkedin.com") { host = "linkedin.com" }

        var segments = components.percentEncodedPath.split(separator: "/").map(String.init)
        var query = (components.percentEncodedQueryItems ?? []).filter { item in
            let name = item.name.lowercased()
            // Medium (and its custom domains) marks where a click came from with ?source=rss-….
            let fromFeed = name == "source" && (item.value ?? "").lowercased().hasPrefix("rss")
            return !name.hasPrefix("utm_") && !Self.trackingParameters.contains(name) && !name.isEmpty && !fromFeed
        }
        if Self.queryFreeHosts.contains(host) { query = [] }
        // A video id is letters, digits, '-' and '_': anything else is not one, and stays a path.
        let isVideoID = { (id: String) in
            !id.isEmpty
                && id.unicodeScalars.allSatisfy {
                    $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_")
                }
        }
        if host == "youtu.be", let id = segments.first, isVideoID(id) {
            host = "youtube.com"
            segments = ["watch"]
            query = [URLQueryItem(name: "v", value: id)]
        }
        if host == "youtube.com", segments.count == 2, ["shorts", "embed", "live", "v"].contains(segments[0]),
            isVideoID(segments[1])
        {
            query = [URLQueryItem(name: "v", value: segments[1])]
            segments = ["watch"]
        }
        if host == "youtube.com", segments == ["watch"] {
            query = query.filter { $0.name == "v" }
        }
        // Handles are case-insensitive where platforms say so: one account, one key.
        switch host {
        case "linkedin.com":
            segments = segments.map { $0.lowercased() }
            if let post = Self.linkedInPost(segments) { segments = ["feed", "update", post] }
        case "x.com":
            segments = segments.map { $0.lowercased() }
            // A post's photo, video or analytics page is the post (x.com/jane/status/1/photo/1).
            if segments.count > 3, ["status", "statuses"].contains(segments[1]), UInt64(segments[2]) != nil {
                segments = [segments[0], "status", segments[2]]
            }
        case "github.com": segments = segments.enumerated().map { $0.offset < 2 ? $0.element.lowercased() : $0.element }
        default:
            if let first = segments.first, first.hasPrefix("@") { segments[0] = first.lowercased() }
        }

        if let port = components.port, !(1...65_535).contains(port) {
            throw CoreError.invalidURL(text, reason: "port \(port) is not between 1 and 65535")
        }
        var result = "\(scheme)://\(host)"
        if let port = components.port, !(scheme == "http" && port == 80), !(scheme == "https" && port == 443) {
            result += ":\(port)"
        }
        if !segments.isEmpty { result += "/" + segments.joined(separator: "/") }
        if !query.isEmpty {
            let sorted = query.sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
            result += "?" + sorted.map { item in item.value.map { "\(item.name)=\($0)" } ?? item.name }.joined(separator: "&")
        }
        guard result.count <= 2048 else { throw CoreError.invalidURL(text, reason: "it is longer than 2048 characters") }
        return result
    }

    /// A LinkedIn post's own name, `urn:li:activity:ID` (or `urn:li:share:ID`,
    /// `urn:li:ugcPost:ID`, which are other numbers for the same kind of
    /// thing), from the lower-cased segments of any of its addresses.
    static func linkedInPost(_ segments: [String]) -> String? {
        var segments = segments[...]
        if segments.first == "embed" { segments = segments.dropFirst() }
        if segments.first == "posts", segments.count >= 2, let marker = segments[segments.startIndex + 1].range(of: "activity-") {
            let id = segments[segments.startIndex + 1][marker.upperBound...].prefix { $0.isASCII && $0.isNumber }
            return id.count >= 10 ? "urn:li:activity:\(id)" : nil
        }
        guard segments.count >= 3, segments.prefix(2).elementsEqual(["feed", "update"]) else { return nil }
        let urn = segments[segments.startIndex + 2].removingPercentEncoding ?? segments[segments.startIndex + 2]
        let parts = urn.split(separator: ":")
        guard parts.count == 4, parts[0] == "urn", parts[1] == "li", parts[3].count >= 10,
            parts[3].allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        switch parts[2] {
        case "activity": return "urn:li:activity:\(parts[3])"
        case "share": return "urn:li:share:\(parts[3])"
        case "ugcpost": return "urn:li:ugcPost:\(parts[3])"
        default: return nil
        }
    }

    /// Wraps text that is already canonical without parsing it again: text
    /// that came out of ``init(_:)`` and was stored, or addresses built in
    /// canonical form (the demo). Foundation's URL parsing is slow, and
    /// reading thousands of stored rows must not pay it again. Tests check
    /// that such text reads back unchanged through ``init(_:)``.
    public init(alreadyCanonical text: String) {
        string = text
        authorHint = nil
    }

    /// `scheme://host[:port]`, the root of the site.
    public var root: CanonicalURL {
        CanonicalURL(
            alreadyCanonical: scheme + "://"
                + Substring(afterScheme.prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") }))
    }

    /// The same address with the other of http and https, so that a post
    /// logged once over http is recognised when logged again over https.
    public var otherScheme: String {
        (scheme == "https" ? "http" : "https") + string.dropFirst(scheme.count)
    }

    /// This address without its query, then each address it lies under up
    /// to its site's root: `https://a.fr/b/c` gives `https://a.fr/b/c`,
    /// `https://a.fr/b` and `https://a.fr`. The channels that could hold it.
    public var selfAndAncestors: [String] {
        let path = string.utf8.prefix { $0 != UInt8(ascii: "?") }
        let rootLength = root.string.utf8.count
        var found = [String(Substring(path))]
        var end = path.endIndex
        while let slash = path[..<end].lastIndex(of: UInt8(ascii: "/")),
            path.distance(from: path.startIndex, to: slash) >= rootLength
        {
            found.append(String(Substring(path[..<slash])))
            end = slash
        }
        return found
    }

    /// Whether `other` is this address or lies below it (`https://a.fr/blog` contains `https://a.fr/blog/post`).
    public func contains(_ other: CanonicalURL) -> Bool {
        // Compared as bytes, building no string: an import asks this of each
        // of the author's channels for every row.
        let outer = string.utf8, inner = other.string.utf8
        guard inner.starts(with: outer) else { return false }
        let next = inner.index(inner.startIndex, offsetBy: outer.count)
        return next == inner.endIndex || inner[next] == UInt8(ascii: "/")
    }

    public var description: String { string }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.string < rhs.string }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(string)
    }
}
