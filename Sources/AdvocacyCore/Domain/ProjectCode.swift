import Foundation

/// A project's short code such as `ERP-2027`.
public struct ProjectCode: ShortCode {
    public let value: String

    public init(_ text: String) throws {
        guard let code = Self.normalised(text) else { throw CoreError.invalidProjectCode(text) }
        value = code
    }

    public init(alreadyValid value: String) {
        self.value = value
    }
}
