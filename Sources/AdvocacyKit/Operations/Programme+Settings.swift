import AdvocacyCore
import AdvocacyStore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension Programme {
    /// The programme's settings (admin only).
    public func settings(by actorEmail: EmailAddress) throws -> ProgrammeSettings {
        try store.reading { tx in
            try AccessRules.requireAdmin(try tx.actor(actorEmail), to: "see the programme's settings")
            return try ProgrammeSettings(stored: try tx.storedSettings())
        }
    }

    /// Sets one of the programme's settings from the text an admin typed
    /// (admin only, audited); an empty text gives the key its default again.
    /// Returns the settings as they now are.
    @discardableResult
    public func setSetting(_ key: ProgrammeSettings.Key, to text: String, by actorEmail: EmailAddress) throws
        -> ProgrammeSettings
    {
        try store.writing(as: actorEmail) { tx, actor in
            try AccessRules.requireAdmin(actor, to: "change the programme's settings")
            var settings = try ProgrammeSettings(stored: try tx.storedSettings())
            let stored = try settings.set(key, to: text)
            try tx.saveSetting(key.rawValue, stored, by: actor)
            return settings
        }
    }

    /// How `rewards export` writes its CSV by default, when an admin set it;
    /// read by whoever exports (HR), who may not read the other settings.
    public func exportLocale() throws -> ExportLocale? {
        try store.reading { tx in try ProgrammeSettings(stored: try tx.storedSettings()).exportLocale }
    }

    /// Where this programme's fetches may go, whoever runs them.
    func fetchPolicy() throws -> FetchPolicy {
        try store.reading { tx in try ProgrammeSettings(stored: try tx.storedSettings()).fetchPolicy }
    }

    /// Refuses a feed (or profile) address whose host resolves to an
    /// internal address that `policy` does not allow, before it is
    /// registered. Every fetch checks again, on the address it connects to.
    static func requirePublic(_ url: CanonicalURL, under policy: FetchPolicy) throws {
        let host = url.host
        guard !policy.allowedInternalHosts.contains(host) else { return }
        for address in resolve(host) where !policy.permits(host: host, address: address) {
            throw CoreError.internalAddress(url: url.string, address: address)
        }
    }

    /// The addresses `host` resolves to (an IP address written any way
    /// the C library reads one, `0x7f000001` included); none when it does
    /// not resolve, which the fetch will then report.
    static func resolve(_ host: String) -> [String] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(list) }
        var addresses: [String] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let entry = node {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(
                entry.pointee.ai_addr, entry.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST)
                == 0
            {
                let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
                addresses.append(String(decoding: bytes, as: UTF8.self))
            }
            node = entry.pointee.ai_next
        }
        return addresses
    }
}
