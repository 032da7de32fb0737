import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where the programme may fetch from on its own: public addresses, and the
/// internal ones only of the hosts an admin allowed (an intranet blog).
///
/// Feeds and profiles are given by staff, and the fetch runs with the
/// server's network position: without this, a `--feed
/// http://127.0.0.1:8080/secret` (or `0x7f000001`, `169.254.169.254`, or a
/// public address redirecting to one of them) would make an admin's `sync`
/// read an internal page and publish its titles to everyone. The check is
/// made on every address actually connected to, once resolved, redirects
/// included.
public struct FetchPolicy: Hashable, Sendable {
    /// Host names (lower-case) that may resolve to internal addresses.
    public var allowedInternalHosts: Set<String>

    public init(allowedInternalHosts: Set<String> = []) {
        self.allowedInternalHosts = Set(allowedInternalHosts.map { $0.lowercased() })
    }

    /// Whether connecting to `address` (an IP address as text) for `host` is allowed.
    public func permits(host: String, address: String) -> Bool {
        allowedInternalHosts.contains(host.lowercased()) || !InternalAddress.isInternal(address)
    }
}

/// The addresses a fetch must not reach unless allowed: loopback, private,
/// link-local (cloud metadata services live there), carrier-grade NAT,
/// unspecified, multicast and reserved ranges, in IPv4 and IPv6, IPv4
/// written inside IPv6 included.
public enum InternalAddress {
    /// Whether `text` (an IPv4 or IPv6 address) is internal. Text that is
    /// not an address counts as internal: what cannot be checked is refused.
    public static func isInternal(_ text: String) -> Bool {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return isInternal(v4: UInt32(bigEndian: v4.s_addr))
        }
        var v6 = in6_addr()
        let unbracketed = text.hasPrefix("[") && text.hasSuffix("]") ? String(text.dropFirst().dropLast()) : text
        let withoutZone = unbracketed.split(separator: "%", maxSplits: 1).first.map(String.init) ?? unbracketed
        guard inet_pton(AF_INET6, withoutZone, &v6) == 1 else { return true }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        return isInternal(v6: bytes)
    }

    static func isInternal(v4 address: UInt32) -> Bool {
        func within(_ network: UInt32, _ bits: UInt32) -> Bool {
            let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
            return address & mask == network & mask
        }
        let ranges: [(UInt32, UInt32)] = [
            (0x0000_0000, 8),  // 0.0.0.0/8, "this network"
            (0x0A00_0000, 8),  // 10/8
            (0x6440_0000, 10),  // 100.64/10, carrier-grade NAT
            (0x7F00_0000, 8),  // 127/8, loopback
            (0xA9FE_0000, 16),  // 169.254/16, link-local and metadata services
            (0xAC10_0000, 12),  // 172.16/12
            (0xC000_0000, 24),  // 192.0.0/24, protocol assignments
            (0xC0A8_0000, 16),  // 192.168/16
            (0xC612_0000, 15),  // 198.18/15, benchmarking
            (0xE000_0000, 4),  // 224/4, multicast
            (0xF000_0000, 4),  // 240/4, reserved and broadcast
        ]
        return ranges.contains { within($0.0, $0.1) }
    }

    static func isInternal(v6 bytes: [UInt8]) -> Bool {
        guard bytes.count == 16 else { return true }
        let allZeroBefore = { (count: Int) in bytes[0..<count].allSatisfy { $0 == 0 } }
        let embeddedV4 = UInt32(bytes[12]) << 24 | UInt32(bytes[13]) << 16 | UInt32(bytes[14]) << 8 | UInt32(bytes[15])
        // ::, ::1, and IPv4 written as ::a.b.c.d.
        if allZeroBefore(12) { return embeddedV4 <= 1 || isInternal(v4: embeddedV4) }
        // ::ffff:a.b.c.d (IPv4-mapped) and 64:ff9b::a.b.c.d (NAT64): the IPv4 address decides.
        if allZeroBefore(10) && bytes[10] == 0xFF && bytes[11] == 0xFF { return isInternal(v4: embeddedV4) }
        if bytes[0...1] == [0x00, 0x64] && bytes[2...3] == [0xFF, 0x9B] && bytes[4..<12].allSatisfy({ $0 == 0 }) {
            return isInternal(v4: embeddedV4)
        }
        if bytes[0] & 0xFE == 0xFC { return true }  // fc00::/7, unique local (fd00:ec2::254 is a metadata service)
        if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return true }  // fe80::/10, link-local
        if bytes[0] == 0xFF { return true }  // ff00::/8, multicast
        return false
    }
}
