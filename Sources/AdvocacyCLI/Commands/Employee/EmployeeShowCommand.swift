import AdvocacyCore
import AdvocacyStore
import ArgumentParser
import Foundation

struct EmployeeShowCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show an employee with their channels and activity.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("Their email.", valueName: "email"), transform: Parse.email)
    var email: EmailAddress

    /// An employee with their channels and how much they logged.
    struct Profile: Encodable {
        var employee: Employee
        var channels: [Channel]
        var actions: Int
        var lastActionDate: LocalDate?

        enum CodingKeys: String, CodingKey { case channels, actions, lastActionDate }

        func encode(to encoder: any Encoder) throws {
            try employee.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(channels, forKey: .channels)
            try container.encode(actions, forKey: .actions)
            try container.encode(lastActionDate, forKey: .lastActionDate)
        }
    }

    func run(in context: CommandContext) throws {
        let store = try global.openStore(in: context)
        let employee = try store.employee(email)
        let actions = try store.actions(ActionFilter(author: email))
        let profile = Profile(
            employee: employee, channels: try store.channels(owner: email), actions: actions.count,
            lastActionDate: actions.map(\.date).max())
        var fields = employee.fields
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
