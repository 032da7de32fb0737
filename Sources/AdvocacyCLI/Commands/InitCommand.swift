import AdvocacyCore
import AdvocacyKit
import ArgumentParser

struct InitCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the programme database (safe to run again), optionally with its first admin.",
        discussion: """
            The file is created readable and writable by its owner only (mode 0600): it holds personal data, \
            and the operating system is what protects it. For a team, --group NAME gives it to a group with \
            mode 0660; keep it in a folder of that group with the setgid bit (chmod g+s) so SQLite's -wal \
            and -shm files join the group too. See docs/security.md.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Email of the first admin.", valueName: "email"), transform: Parse.email)
    var admin: EmailAddress?

    @Option(help: ArgumentHelp("Full name of the first admin.", valueName: "name"))
    var name: String?

    @Option(
        help: ArgumentHelp(
            "Share the database with this group (mode 0660) rather than keep it to its owner (0600), for a team deployment.",
            valueName: "group"))
    var group: String?

    func validate() throws {
        if (admin == nil) != (name == nil) {
            throw ValidationError("--admin and --name go together: give both to register the first admin, or neither")
        }
    }

    func run(in context: CommandContext) throws {
        let newAdmin = try admin.map { try NewEmployee(email: $0, name: name ?? "", role: .admin) }
        let programme = try global.openProgramme(in: context, create: true)
        if let group { try programme.share(withGroup: group) }
        switch try programme.initialise(firstAdmin: newAdmin) {
        case .ready:
            context.print("Database ready at \(programme.path)")
            context.print("Next: advocacy init --admin EMAIL --name NAME   (registers the programme's first admin)")
        case .createdAdmin(let employee):
            context.print("Database ready at \(programme.path)")
            context.print("First admin: \(employee.name) <\(employee.email)>")
            context.print("Next: export ADVOCACY_USER=\(employee.email); advocacy employee add EMAIL --name NAME")
        case .adminAlreadyPresent(let employee):
            context.print("Database ready at \(programme.path); \(employee.email) is already an admin")
        }
    }
}
