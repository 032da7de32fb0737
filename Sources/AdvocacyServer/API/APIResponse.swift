import Foundation
import HTTPTypes
import Hummingbird

/// The JSON API's answers: the same JSON the CLI prints with `--format
/// json` where there is one, and `{"error": …, "status": …}` for a refusal,
/// with the same words as the CLI's message.
enum APIResponse {
    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        json(Array(text.utf8), status: status)
    }

    /// A value encoded as the CLI encodes: sorted keys, ISO 8601 dates.
    static func encoded(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return json(Array(try encoder.encode(value)), status: status)
    }

    static func error(_ status: HTTPResponse.Status, message: String) -> Response {
        struct Refusal: Encodable {
            var error: String
            var status: Int
        }
        // Encoding two plain fields cannot fail; were it to, the status alone still goes out.
        return (try? encoded(Refusal(error: message, status: status.code), status: status)) ?? Response(status: status)
    }
}
