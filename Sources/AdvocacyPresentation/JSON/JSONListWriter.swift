import AdvocacyCore
import Foundation

/// A JSON array encoded one element at a time, byte for byte as
/// ``JSONOutput/encoded(_:)`` encodes the whole array, so a list of millions
/// (`action list --format json`) is never held whole: each element's lines
/// are indented by two spaces, but for the blank line of an empty array.
public struct JSONListWriter {
    private let encoder = JSONOutput.encoder()
    private var first = true
    private var bytes: [UInt8] = Array("[\n".utf8)
    private let handOn: ([UInt8]) -> Void

    /// `handOn` receives the document in pieces of about a megabyte
    /// (``OutputPiece``); nothing before the first piece fills, so an error
    /// found before the first element leaves nothing half-written.
    public init(handOn: @escaping ([UInt8]) -> Void) {
        self.handOn = handOn
    }

    /// Encodes the next element.
    public mutating func append(_ element: some Encodable) throws {
        if !first { bytes.append(contentsOf: ",\n".utf8) }
        first = false
        let text = String(decoding: try encoder.encode(element), as: UTF8.self)
        let indented = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
        bytes.append(contentsOf: TerminalText.visible(indented).utf8)
        OutputPiece.handOnIfFull(&bytes, to: handOn)
    }

    /// Closes the array, with a line feed after it, and hands on what is left.
    public mutating func finish() {
        bytes.append(contentsOf: "\n]\n".utf8)
        handOn(bytes)
        bytes.removeAll()
    }
}
