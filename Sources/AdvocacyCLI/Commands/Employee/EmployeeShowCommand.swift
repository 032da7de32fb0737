import AdvocacyCore
import ArgumentParser

struct EmployeeShowCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show an employee with their channels and activity.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("Their email.", valueName: "email"), transform: Parse.email)
    var email: EmailAddress

    func run(in context: CommandContext) throws {
        let profile = try global.openProgramme(in: context).profile(email, seenBy: try global.actor(in: context))
        var fields = profile.employee.fields
        fields.append(("actions", String(profile.actions)))
        fields.append(("lastActionDate", profile.lastActionDate?.description ?? ""))
        if output.format == .text {
            for (index, channel) in profile.channels.enumerated() {
                fields.append((index == 0 ? "channels" : "", channel.summary))
            }
        }
        try context.emitRecord(profile, as: output.format, fields: fields)
    }
}
