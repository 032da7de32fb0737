import Foundation
import Hummingbird

/// A submitted form with a file (`multipart/form-data`), read only once its
/// anti-forgery token is found to be the signed-in person's, like
/// ``FormData``. Parsed here because one file and a few text fields are all
/// the pages send (RFC 7578): no library on the package list does it
/// without also bringing a second HTTP stack.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        var name: String
        var filename: String?
        var data: Data
    }

    private let parts: [Part]

    init(_ request: Request, context: ServerContext, tokens: FormTokens, limit: Int) async throws {
        let type = request.headers[.contentType] ?? ""
        guard type.lowercased().hasPrefix("multipart/form-data"),
            let boundary = type.split(separator: ";").lazy.map({ $0.trimmingCharacters(in: .whitespaces) })
                .first(where: { $0.lowercased().hasPrefix("boundary=") })?.dropFirst("boundary=".count)
                .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        else {
            throw ServerError.invalidField(
                name: "Content-Type", value: type, expected: "multipart/form-data (the upload form of this site)")
        }
        let body = try await FormData.collect(request, limit: limit)
        parts = try Self.parse(Array(body.readableBytesView), boundary: boundary)
        guard
            let token = parts.first(where: { $0.name == FormData.tokenField }).map({ String(decoding: $0.data, as: UTF8.self) }),
            tokens.isValid(token, for: context.member?.id ?? 0)
        else { throw ServerError.forgedForm }
    }

    /// The text of field `name`, trimmed; `nil` when absent or blank.
    subscript(name: String) -> String? {
        guard let part = parts.first(where: { $0.name == name && $0.filename == nil }) else { return nil }
        let text = String(decoding: part.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// The file sent as `name`, with its name; `nil` when none was chosen.
    func file(_ name: String) -> (name: String, data: Data)? {
        guard let part = parts.first(where: { $0.name == name }), let filename = part.filename, !filename.isEmpty else {
            return nil
        }
        return (filename, part.data)
    }

    static func parse(_ bytes: [UInt8], boundary: String) throws -> [Part] {
        let malformed = ServerError.invalidField(
            name: "the upload", value: "", expected: "a form sent by a browser (multipart/form-data)")
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [Part] = []
        guard var start = find(delimiter, in: bytes, from: 0) else { throw malformed }
        while true {
            var cursor = start + delimiter.count
            if bytes.count >= cursor + 2, bytes[cursor] == UInt8(ascii: "-"), bytes[cursor + 1] == UInt8(ascii: "-") { break }
            guard bytes.count >= cursor + 2 else { throw malformed }
            cursor += 2  // CRLF after the delimiter
            guard let headersEnd = find(Array("\r\n\r\n".utf8), in: bytes, from: cursor),
                let next = find(Array("\r\n".utf8) + delimiter, in: bytes, from: headersEnd)
            else { throw malformed }
            let headers = String(decoding: bytes[cursor..<headersEnd], as: UTF8.self)
            var name: String?
            var filename: String?
            for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                name = parameter("name", in: String(line))
                filename = parameter("filename", in: String(line))
            }
            guard let name else { throw malformed }
            parts.append(Part(name: name, filename: filename, data: Data(bytes[(headersEnd + 4)..<next])))
            start = next + 2
        }
        return parts
    }

    private static func parameter(_ key: String, in line: String) -> String? {
        for piece in line.split(separator: ";").dropFirst() {
            let pair = piece.trimmingCharacters(in: .whitespaces)
            guard pair.lowercased().hasPrefix(key + "=") else { continue }
            return String(pair.dropFirst(key.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
