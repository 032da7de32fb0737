/// What an erased person becomes: a stable pseudonym used in every table
/// and in the audit trail, so their actions, figures and rewards still add
/// up while nothing in the file names them.
///
/// The token is random (the store draws it), not derived from the person:
/// a hash of the email could be recomputed from a list of staff emails.
public struct Pseudonym: Hashable, Sendable {
    /// Lower-case hexadecimal, 12 characters.
    public let token: String

    /// The domain of every pseudonymous address: `.invalid` is reserved
    /// (RFC 2606), so no mail or web request can ever reach anyone.
    public static let domain = "erased.invalid"

    /// A pseudonym from 48 random bits.
    public init(random: UInt64) {
        let hex = String(random & 0xFFFF_FFFF_FFFF, radix: 16)
        token = String(repeating: "0", count: 12 - hex.count) + hex
    }

    public var email: EmailAddress { EmailAddress(alreadyValid: "erased-\(token)@\(Self.domain)") }
    public var name: String { "Erased person \(token)" }

    /// The address that replaces the person's channel `id` (its handle is in its URL).
    public func channelURL(id: Int64) -> CanonicalURL {
        CanonicalURL(alreadyCanonical: "https://\(Self.domain)/\(token)/channel-\(id)")
    }

    /// The address that replaces the person's action `id`.
    public func actionURL(id: Int64) -> CanonicalURL {
        CanonicalURL(alreadyCanonical: "https://\(Self.domain)/\(token)/action-\(id)")
    }

    /// The title that replaces the person's action `id` (a title can name them or their project).
    public func actionTitle(id: Int64) -> String { "Erased action \(id)" }
}
