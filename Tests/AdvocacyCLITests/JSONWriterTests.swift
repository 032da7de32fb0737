import AdvocacyPresentation
import Foundation
import Testing

@testable import AdvocacyCLI

/// ``JSONWriter`` must print what `JSONEncoder` (then ``TerminalText``) prints
/// for the same values, byte for byte: scripts read `rank`'s JSON and every
/// other command's alike. What `rank` writes is locked by its golden file
/// (``GoldenJSONTests``).
@Suite("JSON written directly")
struct JSONWriterTests {
    /// Every kind of value the writer takes, with the awkward cases.
    struct Sample: Encodable, JSONWritable {
        var numbers: [Double] = [0, 25, 0.2, 1e-05, 1e21, 129_273.5, -3.25, 1.0 / 3.0, 0.1 + 0.2, 1e16]
        var integers: [Int] = [0, -7, Int.max]
        var text = "plain é ü 日本 / slash, \"quotes\" \\ back\u{01}\u{1F}\t\n\r\u{08}\u{0C} del\u{7F} c1\u{85}\u{9F} nbsp\u{A0}"
        var empty: [Int] = []
        var emptyObject: [String: Int] = [:]
        var nested: [[Int]] = [[1], []]
        var absent: String?
        var flag = true

        enum CodingKeys: String, CodingKey { case absent, empty, emptyObject, flag, integers, nested, numbers, text }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(absent, forKey: .absent)
            try c.encode(empty, forKey: .empty)
            try c.encode(emptyObject, forKey: .emptyObject)
            try c.encode(flag, forKey: .flag)
            try c.encode(integers, forKey: .integers)
            try c.encode(nested, forKey: .nested)
            try c.encode(numbers, forKey: .numbers)
            try c.encode(text, forKey: .text)
        }

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.key("absent")
                json.value(absent)
                json.key("empty")
                json.array(empty) { json, number in json.value(number) }
                json.key("emptyObject")
                json.object { _ in }
                json.key("flag")
                json.value(flag)
                json.key("integers")
                json.array(integers) { json, number in json.value(number) }
                json.key("nested")
                json.array(nested) { json, list in json.array(list) { json, number in json.value(number) } }
                json.key("numbers")
                json.array(numbers) { json, number in json.value(number) }
                json.key("text")
                json.value(text)
            }
        }
    }

    /// The document written for ``Sample``, as `JSONEncoder` lays it out
    /// (then ``TerminalText``): C0 controls in JSON's short forms or lower-case
    /// `\u00xx`, DEL and C1 controls in upper case, slashes and non-ASCII
    /// text as they are, numbers without a trailing `.0`.
    static let sampleDocument = #"""
        {
          "absent" : null,
          "empty" : [

          ],
          "emptyObject" : {

          },
          "flag" : true,
          "integers" : [
            0,
            -7,
            9223372036854775807
          ],
          "nested" : [
            [
              1
            ],
            [

            ]
          ],
          "numbers" : [
            0,
            25,
            0.2,
            1e-05,
            1e+21,
            129273.5,
            -3.25,
            0.3333333333333333,
            0.30000000000000004,
            1e+16
          ],
          "text" : "plain é ü 日本 / slash, \"quotes\" \\ back\u0001\u001f\t\n\r\b\f del\u007F c1\u0085\u009F nbsp\#u{A0}"
        }
        """#

    @Test func writesWhatTheEncoderWrites() throws {
        let sample = Sample()
        #expect(sample.json == Self.sampleDocument)
        #expect(TerminalText.visible(try CommandContext.json(sample)) == Self.sampleDocument)
        // And it parses back to the same text.
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(sample.json.utf8)) as? [String: Any])
        #expect(parsed["text"] as? String == sample.text)
    }

    @Test func aNumberThatIsNotFiniteIsWrittenNull() throws {
        var writer = JSONWriter()
        writer.array([Double.nan, .infinity, 1.5]) { json, number in json.value(number) }
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "[\n  null,\n  null,\n  1.5\n]")
    }

    @Test func aLongArrayGoesOutInPieces() throws {
        let long = Array(0..<300_000)
        var pieces: [[UInt8]] = []
        var writer = JSONWriter { pieces.append($0) }
        writer.array(long) { json, number in json.value(number) }
        #expect(pieces.count >= 2)
        #expect(pieces.dropLast().allSatisfy { $0.count >= 1 << 20 })
        let whole = pieces.joined() + writer.bytes
        #expect(String(decoding: whole, as: UTF8.self) == "[\n" + long.map { "  \($0)" }.joined(separator: ",\n") + "\n]")
    }
}

extension JSONWritable {
    /// The whole document, as ``CommandContext/printJSON(_:)`` prints it but for the last line feed.
    var json: String {
        var writer = JSONWriter()
        write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
