import Foundation

/// The programme's settings: what an admin decides for the whole
/// programme that is not scoring policy (`advocacy settings show | set`).
/// Each key has a default, so a programme that set nothing has them all.
public struct ProgrammeSettings: Hashable, Sendable {
    /// Hosts whose feeds and profiles may be fetched even though they
    /// resolve to internal addresses (an intranet blog): ``FetchPolicy``.
    public var allowedFetchHosts: [String] = []
    /// Sites where colleagues publish side by side (a team blog, the
    /// intranet, a conference's site): a post there counts for whoever
    /// wrote it, and no one registers them as a personal channel.
    public var sharedVenues: [CanonicalURL] = []
    /// How `rewards export` writes its CSV when not told (`--locale`);
    /// nil: French with `--delimiter ';'`, else English.
    public var exportLocale: ExportLocale?

    public init() {}

    /// The settings a programme can have, with what each one means.
    public enum Key: String, CaseIterable, Sendable {
        case allowedFetchHosts = "fetch.allowed-hosts"
        case sharedVenues = "channels.shared-venues"
        case exportLocale = "rewards.export-locale"

        public var meaning: String {
            switch self {
            case .allowedFetchHosts:
                "hosts (comma-separated) whose feeds may be fetched although they resolve to internal addresses, such as an intranet blog; empty: none"
            case .sharedVenues:
                "addresses (comma-separated) of sites where colleagues publish side by side, such as a team blog or the intranet: a post there counts for its author, and no one registers them as a personal channel; empty: none"
            case .exportLocale:
                "how 'rewards export' writes its CSV unless --locale says: en (decimal points, cents) or fr (for a French Excel: decimal commas, euros, French words, ; between cells); empty: fr with --delimiter ';', else en"
            }
        }

        /// Reads a key as typed, or ``CoreError/unknownValue(_:field:allowed:)``.
        public static func parse(_ text: String) throws -> Key {
            guard let key = Key(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw CoreError.unknownValue(text, field: "setting", allowed: allCases.map(\.rawValue))
            }
            return key
        }
    }

    /// The settings from their stored texts; a key not stored keeps its default.
    public init(stored: [String: String]) throws {
        self.init()
        for (name, value) in stored {
            guard let key = Key(rawValue: name) else { continue }
            try set(key, to: value)
        }
    }

    /// Sets `key` from the text an admin typed, checked; returns the text as stored.
    @discardableResult
    public mutating func set(_ key: Key, to text: String) throws -> String {
        switch key {
        case .allowedFetchHosts:
            let hosts = try text.split(whereSeparator: { $0 == "," || $0 == " " }).map { try Self.host(String($0)) }
            allowedFetchHosts = Array(Set(hosts)).sorted()
            return allowedFetchHosts.joined(separator: ",")
        case .sharedVenues:
            let venues = try text.split(whereSeparator: { $0 == "," || $0 == " " }).map { try Self.venue(String($0)) }
            sharedVenues = Array(Set(venues)).sorted()
            return sharedVenues.map(\.string).joined(separator: ",")
        case .exportLocale:
            let word = text.trimmingCharacters(in: .whitespaces)
            exportLocale = word.isEmpty ? nil : try ExportLocale.parse(word)
            return exportLocale?.rawValue ?? ""
        }
    }

    /// The value of `key` as text.
    public func text(of key: Key) -> String {
        switch key {
        case .allowedFetchHosts: allowedFetchHosts.joined(separator: ",")
        case .sharedVenues: sharedVenues.map(\.string).joined(separator: ",")
        case .exportLocale: exportLocale?.rawValue ?? ""
        }
    }

    /// Where fetches may go under these settings.
    public var fetchPolicy: FetchPolicy { FetchPolicy(allowedInternalHosts: Set(allowedFetchHosts)) }

    /// A shared venue's address: a whole site or a part of one, never a
    /// platform where each person has their own account.
    static func venue(_ text: String) throws -> CanonicalURL {
        let problem: String
        do {
            let url = try CanonicalURL(text)
            let kind = ChannelLocator.inferredKind(of: url)
            guard [.blog, .internal, .talk, .podcast, .other].contains(kind), !ChannelLocator.isMultiAuthorHost(url.host)
            else {
                throw CoreError.invalidSetting(
                    key: Key.sharedVenues.rawValue,
                    problem:
                        "\(url) is a platform where each person has an account (\(kind.rawValue)): expected a site colleagues share, such as https://blog.corp.example"
                )
            }
            return url
        } catch let error as CoreError {
            if case .invalidSetting = error { throw error }
            problem = "'\(text)' is not a web address: expected addresses like https://blog.corp.example, separated by commas"
        }
        throw CoreError.invalidSetting(key: Key.sharedVenues.rawValue, problem: problem)
    }

    /// A host name or an IP address, lower-cased.
    static func host(_ text: String) throws -> String {
        let host = text.trimmingCharacters(in: .whitespaces).lowercased()
        let isName =
            !host.isEmpty && host.count <= 253 && !host.hasPrefix(".") && !host.hasSuffix(".") && !host.contains("..")
            && host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
        let isIPv6 = host.contains(":") && host.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        guard isName || isIPv6 else {
            throw CoreError.invalidSetting(
                key: Key.allowedFetchHosts.rawValue,
                problem: "'\(text)' is not a host name: expected names like blog.intranet.example, separated by commas")
        }
        return host
    }
}
