import Foundation

/// A document made safe for Foundation's `XMLParser` before it reads it.
///
/// swift-corelibs-foundation's parser stops the whole process (a trap, not
/// an error) on two things libxml2 passes it from a malformed document: an
/// element or attribute name that is not valid UTF-8, and a processing
/// instruction without data (`<?x?>`). Both were found by fuzzing
/// (scripts/fuzz.sh); a feed or a workbook is made elsewhere, so neither may
/// reach the parser:
///
/// - a document in UTF-8 (declared, or by default) must be valid UTF-8, or
///   it is refused with the line of the first bad byte;
/// - a processing instruction without data is blanked out (replaced by as
///   many spaces), which changes nothing an importer reads: feeds and
///   workbooks carry none that matter.
enum XMLInput {
    /// Why a document was refused, and on which line.
    struct Refusal: Error, Equatable {
        let line: Int
        let reason: String
    }

    /// `data`, ready for `XMLParser`.
    static func prepared(_ data: Data) throws(Refusal) -> Data {
        var bytes = [UInt8](data)
        if isUTF8(bytes), let bad = firstInvalidUTF8(bytes) {
            let line = 1 + bytes[..<bad].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw Refusal(line: line, reason: "it is not valid UTF-8 text (byte \(bad + 1) cannot be part of a character)")
        }
        blankEmptyProcessingInstructions(&bytes)
        return Data(bytes)
    }

    /// Whether the document must be valid UTF-8: it has no UTF-16 mark or
    /// shape, and declares no encoding whose every byte is a character (a
    /// malformed or unknown declaration is checked as UTF-8).
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return false }
        if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 { return false }
        let head = String(decoding: bytes.prefix(256), as: UTF8.self).lowercased()
        guard head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" }).hasPrefix("<?xml"),
            let declarationEnd = head.range(of: "?>"),
            let encoding = head[..<declarationEnd.lowerBound].range(of: "encoding")
        else { return true }
        // encoding = "name" or 'name', the name of letters, digits, '.', '_' and '-'.
        var rest = head[encoding.upperBound..<declarationEnd.lowerBound].drop { $0 == " " }
        guard rest.first == "=" else { return true }
        rest = rest.dropFirst().drop { $0 == " " }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return true }
        let name = rest.dropFirst().prefix { $0 != quote }
        guard !name.isEmpty, name.count < rest.count - 1,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        else { return true }
        // Only encodings whose every byte converts: an unknown name ("utf-6")
        // leaves libxml2 passing raw bytes on, so it is checked as UTF-8.
        return !(Self.singleByteEncodings.contains(String(name)) && !(name == "windows-1252" && hasUndefinedWindows1252(bytes)))
    }

    /// Declared encodings read as they declare, every byte a character.
    static let singleByteEncodings: Set<String> = [
        "iso-8859-1", "latin1", "iso-latin-1", "iso-8859-15", "latin-9", "windows-1252", "cp1252",
    ]

    /// Whether windows-1252 text holds one of the five bytes it leaves undefined.
    static func hasUndefinedWindows1252(_ bytes: [UInt8]) -> Bool {
        bytes.contains { [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }
    }

    /// The offset of the first byte that is not part of a valid UTF-8 character.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Replaces each `<?name?>` (a processing instruction without data) by spaces.
    static func blankEmptyProcessingInstructions(_ bytes: inout [UInt8]) {
        let (less, question, greater) = (UInt8(ascii: "<"), UInt8(ascii: "?"), UInt8(ascii: ">"))
        var index = 0
        while index + 3 < bytes.count {
            guard bytes[index] == less, bytes[index + 1] == question else {
                index += 1
                continue
            }
            var end = index + 2
            while end < bytes.count, bytes[end] > 0x20, bytes[end] != question, bytes[end] != greater { end += 1 }
            if end > index + 2, end + 1 < bytes.count, bytes[end] == question, bytes[end + 1] == greater {
                for position in index...(end + 1) { bytes[position] = 0x20 }
                index = end + 2
            } else {
                index += 2
            }
        }
    }
}
