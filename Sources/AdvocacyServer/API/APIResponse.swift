import AdvocacyPresentation
import Foundation
import HTTPTypes
import Hummingbird

/// The JSON API's answers, laid out as the CLI prints JSON (``JSONOutput``):
/// the same documents as `--format json` where there is one, and `{"error": …, "status": …}` for a refusal,
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

    static func error(_ status: HTTPResponse.Status, message: String) -> Response {
        struct Refusal: Encodable {
            var error: String
            var status: Int
        }
        // Encoding two plain fields cannot fail; were it to, the status alone still goes out.
        guard let text = try? JSONOutput.encoded(Refusal(error: message, status: status.code)) else {
            return Response(status: status)
        }
        return json(text, status: status)
    }
}
