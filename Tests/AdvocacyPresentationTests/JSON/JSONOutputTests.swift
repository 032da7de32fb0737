import AdvocacyPresentation
import Foundation
import Testing

/// What a server sends for a ``JSONWritable`` in one piece
/// (``JSONOutput/written(_:)``, which the CLI never calls) is what the CLI
/// prints in pieces, and what `JSONEncoder` gives for the same value: the
/// front ends' bytes cannot drift apart.
@Suite("JSON output")
struct JSONOutputTests {
    struct Numbers: Encodable, JSONWritable {
        var label: String
        var values: [Int]

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.field("label", label)
                json.key("values")
                json.array(values) { json, number in json.value(number) }
            }
        }
    }

    /// Empty, short, and long enough to go out in several pieces of a megabyte.
    @Test(arguments: [0, 3, 300_000])
    func writtenIsWhatTheCLIPrintsAndWhatTheEncoderGives(count: Int) throws {
        let value = Numbers(label: "esc \u{1B} del \u{7F} c1 \u{85}", values: Array(0..<count))
        var pieces: [[UInt8]] = []
        JSONOutput.write(value) { pieces.append($0) }
        let written = JSONOutput.written(value)
        #expect(written == Array(pieces.joined()))
        #expect(count > 100_000 ? pieces.count >= 2 : pieces.count == 1)
        #expect(written == Array(try JSONOutput.encoded(value).utf8))
        #expect(written.last == UInt8(ascii: "\n"))
    }
}
