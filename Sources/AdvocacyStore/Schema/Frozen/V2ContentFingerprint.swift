import Foundation

/// The content fingerprint of an existing action, as `v2-scoring` computed
/// it for the actions it found: Core's `ContentFingerprint.of(title:url:)`
/// and what it relied on (`ActionDraft.title(from:)`, `CanonicalURL`'s host
/// and path segments, FNV-1a) as they were when that migration shipped,
/// copied so the migration does the same forever.
///
/// FROZEN with `v2-scoring`: never edit. A changed fingerprint rule is
/// applied to stored actions by a ``DataUpgrade``, not here.
enum V2ContentFingerprint {
    /// 0 when the title is the one `log` makes from the address ("Post by
    /// @jane"), which says nothing about the content.
    static func of(title: String, url: String) -> Int64 {
        title == derivedTitle(url) ? 0 : of(title: title)
    }

    static func of(title: String) -> Int64 {
        let words = normalized(title)
        guard words.count >= 12 else { return 0 }
        let hash = FrozenSQLFunctions.fnv1a(words)
        return Int64(bitPattern: hash == 0 ? 1 : hash)
    }

    /// Lower-case words without accents, separated by single spaces.
    static func normalized(_ title: String) -> String {
        let folded =
            title.utf8.allSatisfy({ $0 < 0x80 })
            ? title.lowercased() : title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var result = ""
        var pendingSpace = false
        for character in folded {
            if character.isLetter || character.isNumber {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    /// The title `log` gives an action from its canonical address.
    static func derivedTitle(_ url: String) -> String {
        let derived = slugTitle(url)
        let bytes = derived.utf8
        if let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20,
            bytes.allSatisfy({ (0x20..<0x7F).contains($0) })
        {
            return derived
        }
        let scalars = derived.unicodeScalars.filter { $0.properties.generalCategory != .control }
        let title = String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespaces)
        return title.isEmpty ? host(url) : title
    }

    private static func slugTitle(_ url: String) -> String {
        let host = host(url)
        let segments = pathSegments(url)
        if host == "x.com", segments.count >= 3, segments[1] == "status" { return "Post by @\(segments[0])" }
        if host == "youtube.com", segments == ["watch"], let id = url.split(separator: "v=").last {
            return "YouTube video \(id)"
        }
        let number = segments.last.flatMap { $0.allSatisfy(\.isNumber) ? " " + $0 : nil } ?? ""
        let meaningful = segments.last { segment in
            !segment.allSatisfy({ $0.isNumber }) && !["status", "posts", "watch", "index.html"].contains(segment)
        }
        guard var slug = meaningful else { return host + number }
        if let dot = slug.lastIndex(of: "."), ["html", "htm", "php", "md"].contains(slug[slug.index(after: dot)...].lowercased())
        {
            slug = String(slug[..<dot])
        }
        let words = slug.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "+" }).joined(separator: " ")
        guard let first = words.first else { return host + number }
        return String(first).uppercased() + words.dropFirst() + number
    }

    /// What follows `scheme://`.
    private static func afterScheme(_ url: String) -> Substring.UTF8View {
        let utf8 = url.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return Substring(url).utf8 }
        let start = utf8.index(colon, offsetBy: 3, limitedBy: utf8.endIndex) ?? utf8.endIndex
        return Substring(url).utf8[start...]
    }

    private static func host(_ url: String) -> String {
        String(
            Substring(afterScheme(url).prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: ":") }))
    }

    /// The path split on `/`, without empty segments, percent-decoded.
    private static func pathSegments(_ url: String) -> [String] {
        afterScheme(url).prefix { $0 != UInt8(ascii: "?") }.split(separator: UInt8(ascii: "/")).dropFirst().map { bytes in
            let segment = Substring(bytes)
            return segment.utf8.contains(UInt8(ascii: "%")) ? segment.removingPercentEncoding ?? String(segment) : String(segment)
        }
    }
}
