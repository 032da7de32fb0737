import AdvocacyKit
import AdvocacyServer
import ArgumentParser
import Foundation
import Hummingbird
import Logging

/// `advocacy-server`, which `advocacy serve` runs: the programme's pages and
/// JSON API on one database file. Options override the `--config` file.
@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advocacy serve",
        abstract: "Serve the programme's pages and JSON API, signed in through the company's single sign-on.",
        discussion: """
            Put it behind the company's authenticating proxy (nginx with auth_request to oauth2-proxy or \
            LemonLDAP::NG), which sets X-Forwarded-Email; API clients may instead send an OIDC bearer token \
            checked against the identity provider's keys ([oidc] in --config). See docs/deploy.md. \
            SIGTERM stops it gracefully: no new connection, requests in flight finished, the database closed.
            """)

    @Option(help: ArgumentHelp("The database file (default: as the CLI, $ADVOCACY_DB...).", valueName: "path"))
    var db: String?

    @Option(help: ArgumentHelp("Where to listen, HOST:PORT (default 127.0.0.1:8080).", valueName: "address"))
    var listen: String?

    @Option(help: ArgumentHelp("A TOML file of settings ([server], [oidc]); see docs/deploy.md.", valueName: "file"))
    var config: String?

    @Option(
        name: .customLong("trusted-proxy"),
        help: ArgumentHelp(
            "An address or CIDR block whose identity header is believed (repeat; default loopback).", valueName: "cidr"))
    var trustedProxies: [String] = []

    @Option(
        help: ArgumentHelp("The header the proxy sets to the signed-in email (default X-Forwarded-Email).", valueName: "name"))
    var identityHeader: String?

    @Option(help: ArgumentHelp("Changes a person may make in a minute (default 60).", valueName: "n"))
    var writesPerMinute: Int?

    @Flag(help: "Offer a page to pick a demo person (development only; refused unless listening on loopback).")
    var devSignIn = false

    // scripts/bench-serve.sh's in-process reference (``InProcessWrites``): hidden, not part of the product.
    @Option(help: .private) var benchWrites: Int?
    @Option(help: .private) var benchPeople: String?
    @Option(help: .private) var benchProject: String?
    @Option(help: .private) var benchConcurrency = 200

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let path = DatabaseLocation.path(given: db, environment: environment) else {
            throw ValidationError("no database: give --db, or set ADVOCACY_DB or HOME")
        }
        var settings = ServerConfiguration(databasePath: path)
        do {
            if let config { try settings.apply(configFile: config) }
            if let listen { try settings.setListen(listen) }
            if !trustedProxies.isEmpty { settings.trustedProxies = try trustedProxies.map(AddressRange.init) }
            if let identityHeader { settings.identityHeader = identityHeader }
            if let writesPerMinute {
                guard writesPerMinute > 0 else {
                    throw ValidationError("--writes-per-minute \(writesPerMinute): expected 1 or more")
                }
                settings.writesPerMinute = writesPerMinute
            }
            if devSignIn {
                guard AddressRange.loopback.contains(where: { $0.contains(settings.host) }) || settings.host == "localhost" else {
                    throw ValidationError(
                        "--dev-sign-in lets anyone pick who they are: it is allowed only on loopback (127.0.0.1), not on \(settings.host)"
                    )
                }
                settings.devSignIn = true
            }
        } catch let error as ServerError {
            throw ValidationError(error.localizedDescription)
        }

        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let logger = Logger(label: "advocacy")
        let programme: Programme
        do {
            programme = try Programme.open(atPath: path)
        } catch {
            throw ValidationError("cannot open the database \(path): \(error.localizedDescription)")
        }
        if let copy = programme.upgradeBackupPath {
            logger.notice("upgraded the database for this version; the file as it was before is saved as \(copy)")
        }
        if let benchWrites { return try await benchmark(programme, writes: benchWrites) }
        let application = try await AdvocacyServer.application(configuration: settings, programme: programme, logger: logger)
        logger.info(
            "serving \(path) on http://\(settings.host):\(settings.port)",
            metadata: ["dev-sign-in": "\(settings.devSignIn)", "trusted-proxies": "\(settings.trustedProxies)"])
        try await application.runService()
        logger.info("stopped; the database is closed")
    }

    /// Makes `writes` writes in-process and prints `seconds writes` on standard output.
    private func benchmark(_ programme: Programme, writes: Int) async throws {
        guard let benchPeople, let benchProject, writes > 0, benchConcurrency > 0 else {
            throw ValidationError("--bench-writes needs --bench-people FILE (an email a line) and --bench-project CODE")
        }
        let people = try String(contentsOfFile: benchPeople, encoding: .utf8).split(whereSeparator: \.isNewline)
            .map(String.init)
        guard !people.isEmpty else { throw ValidationError("--bench-people \(benchPeople): no email in it") }
        let seconds = try await InProcessWrites.run(
            programme: programme, people: people, project: benchProject, writes: writes,
            concurrency: benchConcurrency, tag: "inproc")
        print("\(seconds) \(writes)")
    }
}
