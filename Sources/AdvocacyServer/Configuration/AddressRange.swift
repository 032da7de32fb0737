import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A block of IP addresses written in CIDR notation (`10.0.0.0/8`,
/// `::1/128`, or one address alone): the peers trusted to set the identity
/// header.
public struct AddressRange: Hashable, Sendable, CustomStringConvertible {
    /// The network's bytes: 4 for IPv4, 16 for IPv6.
    let network: [UInt8]
    let prefixLength: Int
    public let description: String

    /// Parses `text`, or fails with a message naming it.
    public init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let expected = "an address or a CIDR block such as 127.0.0.1/32, 10.0.0.0/8 or ::1/128"
        guard let bytes = Self.bytes(of: String(parts[0])) else {
            throw ServerError.invalidField(name: "trusted proxy", value: text, expected: expected)
        }
        let bits = bytes.count * 8
        var length = bits
        if parts.count == 2 {
            guard let value = Int(parts[1]), (0...bits).contains(value) else {
                throw ServerError.invalidField(name: "trusted proxy", value: text, expected: expected)
            }
            length = value
        }
        network = Self.masked(bytes, to: length)
        prefixLength = length
        description = trimmed
    }

    /// The loopback blocks, IPv4 and IPv6: the default trusted proxies (a
    /// proxy on the same machine).
    public static let loopback: [AddressRange] = [
        AddressRange(network: [127, 0, 0, 0], prefixLength: 8, description: "127.0.0.0/8"),
        AddressRange(network: Array(repeating: 0, count: 15) + [1], prefixLength: 128, description: "::1/128"),
    ]

    private init(network: [UInt8], prefixLength: Int, description: String) {
        self.network = network
        self.prefixLength = prefixLength
        self.description = description
    }

    /// Whether `address` (an IP address as text) lies in this block. An IPv4
    /// address written inside IPv6 (`::ffff:127.0.0.1`) is read as IPv4.
    public func contains(_ address: String) -> Bool {
        guard var bytes = Self.bytes(of: address) else { return false }
        if bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            bytes = Array(bytes[12...])
        }
        return bytes.count == network.count && Self.masked(bytes, to: prefixLength) == network
    }

    private static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }

    private static func masked(_ bytes: [UInt8], to length: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let kept = max(0, min(8, length - index * 8))
            return kept == 8 ? byte : byte & ~(UInt8.max >> kept)
        }
    }
}
