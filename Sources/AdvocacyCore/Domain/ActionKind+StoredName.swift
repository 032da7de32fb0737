extension ActionKind {
    /// The kind whose name is `bytes` (UTF-8, as the database stores it), or
    /// nil for any other text.
    ///
    /// Ranking reads a million stored kinds: the first byte and the length
    /// pick the one candidate, and only its bytes are compared, where making
    /// a String of each and hashing it cost more than scoring the action.
    public static func decode(storedName bytes: UnsafeBufferPointer<UInt8>) -> ActionKind? {
        guard let first = bytes.first else { return nil }
        let candidate: ActionKind
        switch first {
        case UInt8(ascii: "a"): candidate = .article
        case UInt8(ascii: "p"): candidate = bytes.count == 4 ? .post : .podcast
        case UInt8(ascii: "t"): candidate = .talk
        case UInt8(ascii: "v"): candidate = .video
        case UInt8(ascii: "n"): candidate = .newsletter
        case UInt8(ascii: "c"): candidate = .comment
        case UInt8(ascii: "s"): candidate = .share
        default: return nil
        }
        return bytes.elementsEqual(candidate.rawValue.utf8) ? candidate : nil
    }
}
