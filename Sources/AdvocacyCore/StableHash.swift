/// FNV-1a, 64 bits, over a text's UTF-8: the same value in every run and on
/// every platform, unlike `Hasher`, so it can be stored (content
/// fingerprints, address hashes). Stored values depend on it: it must never change.
public enum StableHash {
    public static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}
