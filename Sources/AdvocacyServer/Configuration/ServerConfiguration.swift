import AdvocacyCore
import Foundation
import TOMLKit

/// How the server runs: where it listens, whom it trusts to say who is
/// signed in, and its limits. Read from a TOML file (`--config`), each
/// setting overridable on the command line; see docs/deploy.md.
///
/// ```toml
/// [server]
/// listen = "127.0.0.1:8080"
/// trusted-proxies = ["127.0.0.1/32"]
/// identity-header = "X-Forwarded-Email"
/// public-origin = "https://advocacy.corp.example"
/// writes-per-minute = 60
/// upload-limit-mb = 20
///
/// [oidc]
/// issuer = "https://sso.corp.example/realms/corp"
/// audience = "advocacy"
/// jwks-file = "/etc/advocacy/jwks.json"   # or jwks-url = "https://sso.corp.example/.../certs"
/// email-claim = "email"
/// ```
public struct ServerConfiguration: Sendable {
    public var databasePath: String
    public var host = "127.0.0.1"
    public var port = 8080
    /// The peers whose identity header is believed: the authenticating proxy.
    public var trustedProxies: [AddressRange] = AddressRange.loopback
    /// The header the proxy sets to the signed-in person's email.
    public var identityHeader = "X-Forwarded-Email"
    /// The origin people reach the server at (`https://advocacy.corp.example`),
    /// for the check that a change comes from the server's own pages; when
    /// unset, the origin of the request's own `Host`.
    public var publicOrigin: String?
    /// Bearer tokens, when an identity provider issues them for API clients.
    public var tokens: TokenSettings?
    /// Changes a person may make in a minute before being answered 429.
    public var writesPerMinute = 60
    /// The largest uploaded file (an export, a roster).
    public var uploadLimitBytes = 20 << 20
    /// The largest request other than an upload (a form, a JSON body).
    public var requestLimitBytes = 1 << 20
    /// A page to pick a demo person, for trying the programme on loopback;
    /// never behind a proxy.
    public var devSignIn = false
    /// The key of the forms' anti-forgery tokens; random for each start
    /// unless set (tokens then survive a restart).
    public var formKey: [UInt8] = (0..<32).map { _ in UInt8.random(in: .min ... .max) }

    public init(databasePath: String) {
        self.databasePath = databasePath
    }

    /// Bearer token checks: the issuer and audience a token must name, and
    /// where the identity provider's public keys are.
    public struct TokenSettings: Sendable {
        public var issuer: String
        public var audience: String
        public var keys: KeySource
        /// The claim holding the person's email.
        public var emailClaim = "email"

        public init(issuer: String, audience: String, keys: KeySource) {
            self.issuer = issuer
            self.audience = audience
            self.keys = keys
        }
    }

    /// Where the JSON Web Key Set is: a file, or an address fetched and
    /// refreshed.
    public enum KeySource: Sendable, Equatable {
        case file(String)
        case url(String)
    }

    /// Sets `listen` (`HOST:PORT`, `[IPv6]:PORT` or `:PORT`).
    public mutating func setListen(_ text: String) throws {
        let expected = "HOST:PORT such as 127.0.0.1:8080"
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65535).contains(port)
        else { throw ServerError.invalidField(name: "listen", value: text, expected: expected) }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.host = host.isEmpty ? "127.0.0.1" : host
        self.port = port
    }

    /// Reads the settings of a TOML file over these ones.
    public mutating func apply(configFile path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ServerError.invalidField(name: "--config", value: path, expected: "a readable TOML file")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ServerError.invalidField(
                name: "--config", value: path,
                expected: "TOML (line \(error.source.begin.line): \(error.description))")
        }
        try apply(table, file: path)
    }

    private mutating func apply(_ table: TOMLTable, file: String) throws {
        let known = ["server", "oidc"]
        if let unknown = table.keys.first(where: { !known.contains($0) }) {
            throw ServerError.invalidField(name: "[\(unknown)] in \(file)", value: unknown, expected: "[server] or [oidc]")
        }
        if let server = table["server"]?.table {
            var settings = Settings(server, section: "server", file: file)
            if let listen = try settings.string("listen") { try setListen(listen) }
            if let proxies = try settings.strings("trusted-proxies") { trustedProxies = try proxies.map(AddressRange.init) }
            if let header = try settings.string("identity-header") { identityHeader = header }
            if let origin = try settings.string("public-origin") { publicOrigin = origin }
            if let limit = try settings.positive("writes-per-minute") { writesPerMinute = limit }
            if let megabytes = try settings.positive("upload-limit-mb") { uploadLimitBytes = megabytes << 20 }
            if let key = try settings.string("form-key") {
                guard key.utf8.count >= 32 else {
                    throw ServerError.invalidField(
                        name: "form-key in \(file)", value: "(\(key.utf8.count) bytes)", expected: "at least 32 random bytes")
                }
                formKey = Array(key.utf8)
            }
            try settings.refuseOthers()
        }
        if let oidc = table["oidc"]?.table {
            var settings = Settings(oidc, section: "oidc", file: file)
            let issuer = try settings.required("issuer")
            let audience = try settings.required("audience")
            let keys: KeySource
            switch (try settings.string("jwks-file"), try settings.string("jwks-url")) {
            case (let path?, nil): keys = .file(path)
            case (nil, let url?): keys = .url(url)
            default:
                throw ServerError.invalidField(
                    name: "[oidc] in \(file)", value: "", expected: "one of jwks-file or jwks-url, where the signing keys are")
            }
            var token = TokenSettings(issuer: issuer, audience: audience, keys: keys)
            if let claim = try settings.string("email-claim") { token.emailClaim = claim }
            try settings.refuseOthers()
            tokens = token
        }
    }

    /// One section's values, each read once, so that a misspelt key is an error rather than ignored.
    private struct Settings {
        let table: TOMLTable
        let section: String
        let file: String
        var read: Set<String> = []

        init(_ table: TOMLTable, section: String, file: String) {
            self.table = table
            self.section = section
            self.file = file
        }

        mutating func string(_ key: String) throws -> String? {
            read.insert(key)
            guard let value = table[key] else { return nil }
            guard let text = value.string, !text.isEmpty else { throw wrong(key, value, "a non-empty string") }
            return text
        }

        mutating func required(_ key: String) throws -> String {
            guard let text = try string(key) else {
                throw ServerError.invalidField(name: "[\(section)] \(key) in \(file)", value: "", expected: "a string")
            }
            return text
        }

        mutating func strings(_ key: String) throws -> [String]? {
            read.insert(key)
            guard let value = table[key] else { return nil }
            guard let array = value.array, let texts = Optional(array.compactMap(\.string)), texts.count == array.count
            else { throw wrong(key, value, "a list of strings") }
            return texts
        }

        mutating func positive(_ key: String) throws -> Int? {
            read.insert(key)
            guard let value = table[key] else { return nil }
            guard let number = value.int, number > 0 else { throw wrong(key, value, "a whole number above 0") }
            return number
        }

        func refuseOthers() throws {
            if let unknown = table.keys.sorted().first(where: { !read.contains($0) }) {
                throw ServerError.invalidField(
                    name: "[\(section)] in \(file)", value: unknown, expected: "one of \(read.sorted().joined(separator: ", "))")
            }
        }

        private func wrong(_ key: String, _ value: any TOMLValueConvertible, _ expected: String) -> ServerError {
            .invalidField(name: "[\(section)] \(key) in \(file)", value: "\(value)", expected: expected)
        }
    }
}
