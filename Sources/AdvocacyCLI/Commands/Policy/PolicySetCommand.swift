import AdvocacyCore
import ArgumentParser

struct PolicySetCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Put a new version of the policy in force (cio or admin).",
        discussion: """
            FILE is TOML or JSON, complete: start from 'advocacy policy show > policy.toml'. An unknown \
            key, a missing one, a value out of range or an inverted band is refused with its key named, \
            and nothing changes.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The policy file (.toml or .json).", valueName: "file"))
    var file: String

    func run(in context: CommandContext) throws {
        let actor = try global.requireActor(in: context, for: "policy set")
        let policy = try PolicyFile.read(file)
        let (version, changed) = try global.openProgramme(in: context).setPolicy(policy, by: actor)
        context.print(
            changed
                ? "Policy version \(version) is now in force." : "Unchanged: the file is version \(version), already in force.")
    }
}
