import AdvocacyCore
import GRDB

/// Whether an address may lie on a registered channel, told in memory: the
/// hashes of every channel's address without its scheme. A row of an import
/// asks it before the query that finds a post's owner (``AdvocacyStore/othersChannel(_:holding:named:besides:)``),
/// which most rows then skip: the query on each of a million rows made the
/// import a third slower. A hash can collide, so a yes only means "ask the
/// database"; a no is certain. Eight bytes per channel, where the addresses
/// themselves would have taken tens of megabytes at 150,000 channels.
struct ChannelAddressFilter {
    private var hashes: Set<Int> = []

    init(_ db: Database) throws {
        let urls = try String.fetchCursor(db, sql: "SELECT url FROM channel")
        while let url = try urls.next() { hashes.insert(Self.hash(Self.withoutScheme(Substring(url)))) }
    }

    /// Counts a channel created during the import.
    mutating func insert(_ url: CanonicalURL) {
        hashes.insert(Self.hash(Self.withoutScheme(Substring(url.string))))
    }

    /// Whether `post`, or one of the addresses it lies under, or `named`
    /// may be a registered channel.
    func mayBeOwned(_ post: CanonicalURL, named: CanonicalURL?) -> Bool {
        if let named, hashes.contains(Self.hash(Self.withoutScheme(Substring(named.string)))) { return true }
        let address = Self.withoutScheme(Substring(post.string))
        var path = address.utf8.prefix { $0 != UInt8(ascii: "?") }
        while true {
            if hashes.contains(Self.hash(Substring(path))) { return true }
            guard let slash = path.lastIndex(of: UInt8(ascii: "/")) else { return false }
            path = path[..<slash]
        }
    }

    private static func withoutScheme(_ url: Substring) -> Substring {
        guard let colon = url.utf8.firstIndex(of: UInt8(ascii: ":")) else { return url }
        return Substring(url.utf8[colon...].dropFirst(3))
    }

    private static func hash(_ text: Substring) -> Int {
        var hasher = Hasher()
        for byte in text.utf8 { hasher.combine(byte) }
        return hasher.finalize()
    }
}
