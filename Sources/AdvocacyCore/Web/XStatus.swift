import Foundation

/// X's post addresses. A post is `x.com/HANDLE/status/ID`, and also
/// `x.com/i/web/status/ID` (in notifications and e-mails), which names no
/// account: the status id is the post, whichever form it was logged under.
public enum XStatus {
    /// The status id of a canonical X post address, in either form.
    public static func id(of url: CanonicalURL) -> String? {
        let prefix = url.string.hasPrefix("https://x.com/") ? "https://x.com/" : "http://x.com/"
        guard url.string.hasPrefix(prefix) else { return nil }
        let segments = url.string.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
        let isPost =
            (segments.count == 3 && segments[1] == "status")
            || (segments.count == 4 && segments[0...2] == ["i", "web", "status"])
        guard isPost, let id = segments.last, !id.isEmpty, id.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return String(id)
    }

    /// Whether `url` is the form without an account (`x.com/i/web/status/ID`).
    public static func namesNoAccount(_ url: CanonicalURL) -> Bool {
        url.string.hasPrefix("https://x.com/i/web/status/") || url.string.hasPrefix("http://x.com/i/web/status/")
    }

    /// The form without an account of the post `id`.
    public static func accountless(_ id: String) -> CanonicalURL {
        CanonicalURL(alreadyCanonical: "https://x.com/i/web/status/\(id)")
    }
}
