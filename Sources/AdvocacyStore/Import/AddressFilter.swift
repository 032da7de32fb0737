import GRDB

/// The addresses already logged, as a one-bit-per-hash filter (a Bloom
/// filter with one hash), so that a large import asks the database only
/// about addresses that may be logged.
///
/// Nearly every row of a large import is a new post, and looking each one
/// up by its hash was a tenth of the import's database thread. A clear bit
/// proves the address is not logged; a set bit only says it may be, and
/// the database answers. 2^26 bits (8 MB) answer wrongly for about 1.5% of
/// new addresses at a million actions, 9% at six million: either way, the
/// database is still asked.
struct AddressFilter {
    private var words: [UInt64]
    private static let bits = 26

    /// The filter of every address in the `action` table.
    init(_ db: Database) throws {
        words = Array(repeating: 0, count: 1 << (Self.bits - 6))
        let hashes = try Int64.fetchCursor(db, sql: "SELECT urlHash FROM action")
        while let hash = try hashes.next() { insert(hash) }
    }

    mutating func insert(_ hash: Int64) {
        let bit = Self.bit(hash)
        words[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    func mayContain(_ hash: Int64) -> Bool {
        let bit = Self.bit(hash)
        return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The hash's top bits: FNV-1a mixes its last bytes least into the low ones.
    private static func bit(_ hash: Int64) -> Int {
        Int(UInt64(bitPattern: hash) >> UInt64(64 - bits))
    }
}
