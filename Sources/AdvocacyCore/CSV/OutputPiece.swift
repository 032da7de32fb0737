/// Long outputs (an export of millions of actions, a ranking of a whole
/// department, the demo's actions file) are built in a byte buffer handed on
/// in pieces of about a megabyte: none sits in memory whole, and each write
/// is large enough to cost nothing per row.
public enum OutputPiece {
    public static let bytes = 1 << 20

    /// Hands `buffer` to `handOn` and empties it, keeping its capacity, once it holds a piece.
    public static func handOnIfFull(_ buffer: inout [UInt8], to handOn: ([UInt8]) throws -> Void) rethrows {
        guard buffer.count >= bytes else { return }
        try handOn(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
