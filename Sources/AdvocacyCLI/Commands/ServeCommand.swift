import AdvocacyKit
import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `advocacy serve`: runs the server executable installed beside `advocacy`,
/// so the command line does not link the server's libraries (and keeps its
/// start-up time) while people still find one command.
struct ServeCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the programme's pages and JSON API behind the company's single sign-on.",
        discussion: """
            Runs advocacy-server, installed beside advocacy (or $ADVOCACY_SERVER), with these arguments: --listen HOST:PORT \
            (default 127.0.0.1:8080), --config FILE (TOML: [server] and [oidc]), --trusted-proxy CIDR \
            (repeat; default loopback), --identity-header NAME (default X-Forwarded-Email), \
            --writes-per-minute N (default 60), --dev-sign-in (a page to pick a demo person; loopback only). \
            See docs/deploy.md for nginx, the identity provider and systemd.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("Options for the server (see above).", valueName: "option"))
    var options: [String] = []

    func run(in context: CommandContext) throws {
        let server = try Self.serverExecutable(environment: context.environment)
        let database = try global.databasePath(in: context)
        try context.replaceProcess(server, ["--db", database] + options)
    }

    /// Replaces this process with `program`: signals (SIGTERM from systemd) then reach the server directly.
    @Sendable static func execute(_ program: String, _ arguments: [String]) throws {
        var pointers = ([program] + arguments).map { strdup($0) } + [nil]
        execv(program, &pointers)
        for pointer in pointers { free(pointer) }
        throw CLIError.serverUnavailable(path: program, reason: String(cString: strerror(errno)))
    }

    /// `advocacy-server` in the folder of this executable.
    static func serverExecutable(environment: [String: String]) throws -> String {
        if let given = environment["ADVOCACY_SERVER"], !given.isEmpty { return given }
        let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let path = URL(fileURLWithPath: own).deletingLastPathComponent().appendingPathComponent("advocacy-server").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw CLIError.serverUnavailable(path: path, reason: "it is not there")
        }
        return path
    }
}
