import Crypto
import Foundation
import Hummingbird
import NIOCore

/// A submitted form (`application/x-www-form-urlencoded`), read only once
/// its anti-forgery token is found to be the signed-in person's: every form
/// handler reads its fields through here, so none can forget the check.
struct FormData: Sendable {
    static let tokenField = "csrf"
    private let fields: [(String, String)]

    /// Reads the body of `request` (up to `limit` bytes) and checks its token.
    init(_ request: Request, context: ServerContext, tokens: FormTokens, limit: Int) async throws {
        let type = (request.headers[.contentType] ?? "").lowercased()
        guard type.hasPrefix("application/x-www-form-urlencoded") else {
            throw ServerError.invalidField(
                name: "Content-Type", value: type, expected: "application/x-www-form-urlencoded (a form of this site)")
        }
        let body = try await Self.collect(request, limit: limit)
        fields = Self.parse(String(decoding: body.readableBytesView, as: UTF8.self))
        guard let token = fields.first(where: { $0.0 == Self.tokenField })?.1,
            tokens.isValid(token, for: context.member?.id ?? 0)
        else { throw ServerError.forgedForm }
    }

    /// A request's whole body, or ``ServerError/tooLarge(limit:)``.
    static func collect(_ request: Request, limit: Int) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw ServerError.tooLarge(limit: limit)
        }
    }

    /// The first value of `name`, trimmed; `nil` when absent or blank.
    subscript(name: String) -> String? {
        guard let value = fields.first(where: { $0.0 == name })?.1.trimmingCharacters(in: .whitespacesAndNewlines),
            !value.isEmpty
        else { return nil }
        return value
    }

    /// Every non-blank value of `name` (checkboxes, repeated fields).
    func all(_ name: String) -> [String] {
        fields.filter { $0.0 == name }.map { $0.1.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// `name`'s whole number, written with or without spaces between thousands (`1 200`); `nil` when blank.
    func wholeNumber(_ name: String, in range: ClosedRange<Int> = 0...Int.max, expected: String = "a whole number, 0 or more")
        throws -> Int?
    {
        try self[name].map { try Self.wholeNumber($0, name: name, in: range, expected: expected) }
    }

    /// `text` as a whole number in `range`, or ``ServerError/invalidField(name:value:expected:)``.
    static func wholeNumber(
        _ text: String, name: String, in range: ClosedRange<Int> = 0...Int.max, expected: String = "a whole number, 0 or more"
    ) throws -> Int {
        guard let value = Int(text.replacingOccurrences(of: " ", with: "")), range.contains(value) else {
            throw ServerError.invalidField(name: name, value: text, expected: expected)
        }
        return value
    }

    static func parse(_ text: String) -> [(String, String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}

/// The forms' anti-forgery tokens: an HMAC of the signed-in person's id
/// under the server's key, so a page of another site, which cannot read
/// ours, cannot submit one (with the `Origin` check of
/// ``WriteGuardMiddleware`` besides). Nothing is stored: no session.
struct FormTokens: Sendable {
    let key: SymmetricKey

    init(key: [UInt8]) {
        self.key = SymmetricKey(data: key)
    }

    func token(for person: Int64) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("form|\(person)".utf8), using: key)
        return Data(mac).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    func isValid(_ token: String, for person: Int64) -> Bool {
        let expected = Array(self.token(for: person).utf8)
        let given = Array(token.utf8)
        // Compared in constant time, so the answer's timing tells nothing of the token.
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
