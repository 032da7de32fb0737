import AdvocacyCore
import AdvocacyTestSupport
import Foundation
import Testing

/// Input fed in chunks cut anywhere reads exactly as the same bytes at once.
@Suite("CSV reader in chunks")
struct CSVReaderChunkTests {
    /// Everything a reader says about its input, compared between readings.
    struct Reading: Equatable, CustomStringConvertible {
        /// UTF-8 bytes, because `String ==` calls `é` and `e\u{301}` equal.
        var records: [[[UInt8]]] = []
        var lines: [Int] = []
        var bytesRead: [Int] = []
        var delimiter: CSVDelimiter?
        var error: CoreError?

        var description: String {
            "\(records.map { $0.map { String(decoding: $0, as: UTF8.self) } }) at \(lines), \(bytesRead) bytes, "
                + "\(delimiter.map(String.init(describing:)) ?? "no delimiter"), \(error.map { "\($0)" } ?? "no error")"
        }
    }

    static func reading(_ reader: CSVReader) -> Reading {
        var reader = reader
        var result = Reading()
        do {
            while let record = try reader.next() {
                result.records.append(record.map { Array($0.utf8) })
                result.lines.append(reader.line)
                result.bytesRead.append(reader.bytesRead)
            }
            result.bytesRead.append(reader.bytesRead)
        } catch let error as CoreError {
            result.error = error
            // Still the same error on the next call.
            #expect(throws: error) { try reader.next() }
        } catch {
            Issue.record(error)
        }
        result.delimiter = reader.delimiter
        return result
    }

    /// `bytes` in chunks of `size` bytes, then `nil`.
    static func chunks(_ bytes: [UInt8], size: Int) -> () -> Data? {
        var offset = 0
        return {
            guard offset < bytes.count else { return nil }
            defer { offset += size }
            return Data(bytes[offset..<min(offset + size, bytes.count)])
        }
    }

    /// `bytes` in chunks of random sizes, empty ones included.
    static func randomChunks(_ bytes: [UInt8], seed: UInt64) -> () -> Data? {
        var random = SeededGenerator(seed: seed)
        var offset = 0
        return {
            guard offset < bytes.count else { return nil }
            let end = min(offset + random.int(in: 0...9), bytes.count)
            defer { offset = end }
            return Data(bytes[offset..<end])
        }
    }

    static let chunkSizes = [1, 2, 3, 7, 64, 1 << 20]

    /// A random CSV document: records of the same width whose fields hold the
    /// characters that break CSV, quoted or not, any line ends, blank lines,
    /// sometimes a byte-order mark. One in three is then broken by a byte
    /// inserted or removed; `records` is what the others hold.
    static func document(_ random: inout SeededGenerator) -> (bytes: [UInt8], delimiter: CSVDelimiter?, records: [[String]]?) {
        let delimiter = random.pick([CSVDelimiter.comma, .semicolon, .tab, .pipe])
        // `|` is never detected, and with none of the others outside quotes, the header names the delimiter.
        let named = delimiter == .pipe || random.chance(0.5)
        let plain = ["a", "Z", "0", " ", "é", "e\u{301}", "Œ", "👩🏽‍💻", "'", "=", "\u{FEFF}"]
        let special = [",", ";", "\t", "|", "\"", "\n", "\r", "\r\n"]
        let lineEnds = ["\n", "\r\n", "\r"]
        let columns = random.int(in: 1...4)
        var text = random.chance(0.3) ? "\u{FEFF}" : ""
        var records: [[String]] = []
        for index in 0..<random.int(in: 0...5) {
            if index > 0 { text += random.pick(lineEnds) }
            while random.chance(0.15) { text += random.pick(lineEnds) }
            var record: [String] = []
            for column in 0..<columns {
                if column > 0 { text += String(UnicodeScalar(delimiter.byte)) }
                let quoted = random.chance(0.4)
                let value = (0..<random.int(in: 0...4)).map { _ in random.pick(quoted ? plain + special : plain) }.joined()
                // A lone empty field unquoted would be a blank line, and a U+FEFF first in the file a byte-order mark.
                if quoted || (columns == 1 && value.isEmpty) || value.unicodeScalars.first == "\u{FEFF}" {
                    text += "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                } else {
                    text += value
                }
                record.append(value)
            }
            records.append(record)
        }
        if random.chance(0.5) { text += random.pick(lineEnds) }
        while random.chance(0.15) { text += random.pick(lineEnds) }

        var bytes = Array(text.utf8)
        guard random.chance(1.0 / 3.0) else { return (bytes, named ? delimiter : nil, records) }
        for _ in 0..<random.int(in: 1...2) {
            let offset = random.int(in: 0...bytes.count)
            if random.chance(0.3) && offset < bytes.count {
                bytes.remove(at: offset)
            } else {
                // Quote and line ends, the delimiter, Latin-1 é, a lone continuation byte, a cut emoji, a cut é.
                let inserted: [[UInt8]] = [[0x22], [0x0D], [0x0A], [delimiter.byte], [0xE9], [0x80], [0xF0, 0x9F], [0xC3]]
                bytes.insert(contentsOf: random.pick(inserted), at: offset)
            }
        }
        return (bytes, named ? delimiter : nil, nil)
    }

    @Test func chunksCutAnywhereReadAsTheWholeInput() throws {
        var random = SeededGenerator(seed: 4180)
        var valid = 0, broken = 0
        for documentIndex in 0..<600 {
            let (bytes, delimiter, records) = Self.document(&random)
            let whole = Self.reading(CSVReader(data: Data(bytes), delimiter: delimiter))
            let context = "document \(documentIndex): \(bytes)"
            if let records {
                #expect(whole.records == records.map { $0.map { Array($0.utf8) } }, "\(context)")
                #expect(whole.error == nil, "\(context)")
            }
            if whole.error == nil { valid += 1 } else { broken += 1 }
            // All at once.
            do {
                let all = try CSVReader.records(in: Data(bytes), delimiter: delimiter)
                #expect(whole.error == nil && all.map { $0.map { Array($0.utf8) } } == whole.records, "\(context)")
            } catch {
                #expect(error as? CoreError == whole.error, "\(context)")
            }
            for size in Self.chunkSizes {
                let chunked = Self.reading(CSVReader(chunks: Self.chunks(bytes, size: size), delimiter: delimiter))
                #expect(chunked == whole, "\(context), chunks of \(size)")
            }
            let uneven = Self.reading(
                CSVReader(chunks: Self.randomChunks(bytes, seed: UInt64(documentIndex)), delimiter: delimiter))
            #expect(uneven == whole, "\(context), chunks of random sizes")
        }
        // The generator exercises both sides.
        #expect(valid > 300 && broken > 100)
    }

    @Test func aCharacterCutInTwoIsNotAnError() throws {
        let bytes = Array("nom,équipe\r\nZoé,👩🏽‍💻\r\n".utf8)
        for cut in 1..<bytes.count {
            var parts = [Data(bytes[..<cut]), Data(bytes[cut...])]
            let reader = CSVReader(chunks: { parts.isEmpty ? nil : parts.removeFirst() })
            #expect(Self.reading(reader).records == [["nom", "équipe"], ["Zoé", "👩🏽‍💻"]].map { $0.map { Array($0.utf8) } })
        }
    }

    @Test(arguments: [
        (Array("nom\r\nJos".utf8) + [0xE9] + Array("\r\n".utf8), 2, 4, UInt8(0xE9)),
        (Array("a,b\r\n1,".utf8) + [0xF0, 0x9F] + Array("\r\n".utf8), 2, 3, 0xF0),
        (Array("a,b\r\n1,\"x\r\n".utf8) + [0xC3] + Array("\",2".utf8), 3, 1, 0xC3),
    ])
    func bytesThatAreNotUTF8CutAnywhereAreFoundAtTheSamePlace(bytes: [UInt8], line: Int, column: Int, byte: UInt8) {
        let error = CoreError.invalidCSV(line: line, column: column, problem: .invalidUTF8(byte: byte))
        for cut in 1..<bytes.count {
            var parts = [Data(bytes[..<cut]), Data(bytes[cut...])]
            #expect(
                Self.reading(CSVReader(chunks: { parts.isEmpty ? nil : parts.removeFirst() })).error == error, "cut at \(cut)")
        }
    }

    /// What a reader holds is at most a chunk and the record being read: it
    /// asks for the next chunk only once it has used up the last one.
    @Test func memoryStaysFlat() throws {
        let row = "42,jane.doe@example.com,\"Retour d'expérience, \"\"2\"\"\",2026-09-30,ERP-2027|CRM,12\n"
        let chunk = 64 << 10
        let rowsPerBlock = chunk / row.utf8.count + 1
        let block = Data(String(repeating: row, count: rowsPerBlock).utf8)
        // The input repeats `block`; chunks of a fixed size cut its rows anywhere.
        let blocks = 128, twice = block + block
        let total = blocks * block.count
        var pulled = 0
        var reader = CSVReader(chunks: {
            guard pulled < total else { return nil }
            let start = pulled % block.count, size = min(chunk, total - pulled)
            pulled += size
            return Data(twice[start..<start + size])
        })
        var count = 0, furthestAhead = 0
        while try reader.next() != nil {
            count += 1
            furthestAhead = max(furthestAhead, pulled - reader.bytesRead)
        }
        #expect(count == blocks * rowsPerBlock)
        #expect(reader.bytesRead == total)
        #expect(furthestAhead <= chunk + row.utf8.count)
    }

    @Test(.tags(.slow)) func aQuoteNeverClosedStopsTheReaderAfterTheRecordLimit() throws {
        var pulled = 0
        let chunk = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        var first = true
        // Endless: only the limit stops it.
        var reader = CSVReader(chunks: {
            defer { first = false }
            pulled += first ? 0 : chunk.count
            return first ? Data("email,title\njoe@example.com,\"Launch".utf8) : chunk
        })
        #expect(try reader.next() == ["email", "title"])
        #expect(throws: CoreError.invalidCSV(line: 2, column: 17, problem: .recordTooLong(limit: CSVReader.recordLimit))) {
            try reader.next()
        }
        #expect(pulled <= CSVReader.recordLimit + (2 << 20))
    }

    @Test(.tags(.slow)) func aLineWithoutEndStopsTheReaderAfterTheRecordLimit() throws {
        var pulled = 0
        var reader = CSVReader(chunks: {
            pulled += 1 << 20
            return Data(repeating: 0, count: 1 << 20)
        })
        #expect(throws: CoreError.invalidCSV(line: 1, column: 1, problem: .recordTooLong(limit: CSVReader.recordLimit))) {
            try reader.next()
        }
        #expect(pulled <= CSVReader.recordLimit + (2 << 20))
    }

    @Test func anErrorFromTheSourceComesOutOfNext() throws {
        struct Unplugged: Error, Equatable {}
        var calls = 0
        var reader = CSVReader(chunks: {
            calls += 1
            if calls > 1 { throw Unplugged() }
            return Data("a,b\nc,d\ne,".utf8)
        })
        #expect(try reader.next() == ["a", "b"])
        #expect(try reader.next() == ["c", "d"])
        #expect(throws: Unplugged()) { try reader.next() }
        #expect(throws: Unplugged()) { try reader.next() }
        #expect(calls == 2)
    }
}
