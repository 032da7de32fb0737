import AdvocacyCore
import AdvocacyKit
import ArgumentParser

struct AuditCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "List the audit trail: every change, who made it, and the row before and after (admin, cio or hr).",
        discussion: """
            Every write is recorded in the same transaction as the change: when, who (and their role then), \
            insert / update / delete, the table and the row's key, and the row before and after as JSON. \
            Imports of actions and follower counts, and the demo, are one 'bulk' entry each, with their counts; an import also records each action it changes, before and after. \
            The trail refuses every change and deletion, except the anonymisation of an erased person. \
            Text shows what changed in an update; JSON and CSV carry the whole rows.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Only changes on or after this day, YYYY-MM-DD.", valueName: "date"), transform: Parse.date)
    var since: LocalDate?

    @Option(help: ArgumentHelp("Only changes made by this person.", valueName: "email"), transform: Parse.email)
    var actor: EmailAddress?

    @Option(
        help: ArgumentHelp(
            "Only changes to this kind of row: employee, channel, action, rewardProposal… (see the discussion).",
            valueName: "kind"))
    var entity: String?

    func validate() throws {
        if let entity, !Programme.auditedEntities.contains(entity) {
            throw ValidationError(
                "--entity '\(entity)': expected one of \(Programme.auditedEntities.joined(separator: ", "))")
        }
    }

    func run(in context: CommandContext) throws {
        let viewer = try global.requireViewer(in: context, for: "audit")
        let entries = try global.openProgramme(in: context).auditEntries(
            AuditFilter(since: since, actor: actor, entity: entity), by: viewer)
        switch output.format {
        case .json: context.print(try CommandContext.json(entries))
        case .csv: context.standardOutput.write(AuditEntry.table(entries, whole: true).csv())
        case .text:
            if entries.isEmpty {
                context.print(
                    "No change recorded\(since == nil && actor == nil && entity == nil ? "" : " matches these filters").")
            } else {
                context.print(AuditEntry.table(entries, whole: false), wide: output.width.wide)
            }
        }
    }
}

extension AuditEntry {
    /// The trail as a table: what changed for text, the whole rows for CSV.
    static func table(_ entries: [AuditEntry], whole: Bool) -> Table {
        var columns: [Table.Column] = [
            .init(header: "id", numeric: true, priority: 3), .init(header: "at", priority: 0),
            .init(header: "actor", shrinks: true), .init(header: "role", priority: 3), .init(header: "operation", priority: 0),
            .init(header: "entity", priority: 2), .init(header: "entityId", priority: 2, shrinks: true),
        ]
        columns +=
            whole
            ? [.init(header: "before"), .init(header: "after")]
            : [.init(header: "changes", maxWidth: 60, priority: 0, shrinks: true)]
        return Table(
            columns: columns,
            rows: entries.map { entry in
                let head = [
                    String(entry.id), entry.at, entry.actorEmail ?? "(system)", entry.actorRole ?? "", entry.operation,
                    entry.entity, entry.entityId,
                ]
                return head + (whole ? [entry.before ?? "", entry.after ?? ""] : [entry.changes.joined(separator: "; ")])
            })
    }
}
