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
public struct CanonicalURL: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The canonical text; everything else is read off it.
    public let string: String

    /// `http` or `https`.
    public var scheme: String { String(string.prefix { $0 != ":" }) }

    /// What follows `scheme://`.
    private var afterScheme: Substring { string.dropFirst(scheme.count + 3) }

    /// The lower-cased host without `www.` (and without the port).
    public var host: String { String(afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != ":" }) }

    /// The path split on `/`, without empty segments, percent-decoded.
    public var pathSegments: [String] {
        afterScheme.prefix { $0 != "?" }.split(separator: "/").dropFirst()
            .map { $0.contains("%") ? $0.removingPercentEncoding ?? String($0) : String($0) }
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
        guard !host.isEmpty,
            host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }),
            !host.hasPrefix("."), !host.contains("..")
        else { throw CoreError.invalidURL(text, reason: "it has no valid host name") }
        if !typedScheme && !host.contains(".") {
            throw CoreError.invalidURL(text, reason: "'\(host)' is not a full host name")
        }
        for prefix in ["www.", "m.", "mobile."] where host.hasPrefix(prefix) && host.dropFirst(prefix.count).contains(".") {
            host.removeFirst(prefix.count)
        }
        if host == "twitter.com" { host = "x.com" }
        // fr.linkedin.com, de.linkedin.com... show the same posts and profiles.
        if host.hasSuffix(".linkedin.com") { host = "linkedin.com" }

        var segments = components.percentEncodedPath.split(separator: "/").map(String.init)
        var query = (components.percentEncodedQueryItems ?? []).filter { item in
            let name = item.name.lowercased()
            return !name.hasPrefix("utm_") && !Self.trackingParameters.contains(name) && !name.isEmpty
        }
        if Self.queryFreeHosts.contains(host) { query = [] }
        if host == "youtu.be", let id = segments.first {
            host = "youtube.com"
            segments = ["watch"]
            query = [URLQueryItem(name: "v", value: id)]
        }
        if host == "youtube.com", segments == ["watch"] {
            query = query.filter { $0.name == "v" }
        }
        // Handles are case-insensitive where platforms say so: one account, one key.
        switch host {
        case "x.com", "linkedin.com": segments = segments.map { $0.lowercased() }
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
        self.string = result
    }

    /// Wraps text that is already canonical without parsing it again: text
    /// that came out of ``init(_:)`` and was stored, or addresses built in
    /// canonical form (the demo). Foundation's URL parsing is slow, and
    /// reading thousands of stored rows must not pay it again. Tests check
    /// that such text reads back unchanged through ``init(_:)``.
    public init(alreadyCanonical text: String) {
        string = text
    }

    /// `scheme://host[:port]`, the root of the site.
    public var root: CanonicalURL {
        CanonicalURL(alreadyCanonical: scheme + "://" + afterScheme.prefix { $0 != "/" && $0 != "?" })
    }

    /// The same address with the other of http and https, so that a post
    /// logged once over http is recognised when logged again over https.
    public var otherScheme: String {
        (scheme == "https" ? "http" : "https") + string.dropFirst(scheme.count)
    }

    /// Whether `other` is this address or lies below it (`https://a.fr/blog` contains `https://a.fr/blog/post`).
    public func contains(_ other: CanonicalURL) -> Bool {
        other.string == string || other.string.hasPrefix(string + "/")
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
