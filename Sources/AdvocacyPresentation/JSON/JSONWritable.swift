/// A value printed as JSON by ``JSONWriter`` rather than `JSONEncoder`:
/// `rank`'s ranking, the one output where the encoder's cost showed.
///
/// Public so that the CLI and the server write the same bytes for it
/// (``JSONOutput/written(_:)``), and may hand a long one on in pieces.
public protocol JSONWritable {
    /// Writes the value as one JSON value (an object, for every conforming type so far).
    func write(to json: inout JSONWriter)
}
