import Foundation

/// JSON as every front end prints it, byte for byte as the CLI prints it:
/// pretty, keys sorted, ISO 8601 dates, slashes unescaped, and control
/// characters a terminal would obey shown as escapes (``TerminalText``), which
/// leaves the same JSON value. Scripts read the CLI's JSON and the server's
/// alike, so the two share this one layout.
public enum JSONOutput {
    /// The encoder behind every `--format json` but `rank`'s (``JSONWriter``).
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// `value`'s document, ending with a line feed, as `--format json` prints
    /// it: for `explain` (``ExplanationReport``), `rewards propose`
    /// (``ProposalReport/json``), and the lists, such as `rewards list`'s
    /// `[RewardProposalRecord]` and `action list`'s `[Action]`.
    public static func encoded(_ value: some Encodable) throws -> String {
        TerminalText.visible(String(decoding: try encoder().encode(value), as: UTF8.self)) + "\n"
    }

    /// `value`'s document, ending with a line feed, written by ``JSONWriter``:
    /// `rank`'s ranking (``RankingReport``).
    public static func written(_ value: some JSONWritable) -> [UInt8] {
        var bytes: [UInt8] = []
        write(value) { bytes += $0 }
        return bytes
    }

    /// The bytes of ``written(_:)``, handed to `handOn` in pieces of about a
    /// megabyte (``OutputPiece``), so a ranking of a whole department never
    /// sits in memory whole.
    public static func write(_ value: some JSONWritable, to handOn: @escaping ([UInt8]) -> Void) {
        var writer = JSONWriter(handOn: handOn)
        value.write(to: &writer)
        handOn(writer.bytes + [UInt8(ascii: "\n")])
    }
}
