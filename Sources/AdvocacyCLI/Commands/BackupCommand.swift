import AdvocacyCore
import AdvocacyKit
import ArgumentParser
import Foundation

struct BackupCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a file, consistently, even while others use it (admin).",
        discussion: """
            Uses SQLite's online backup API: the copy is the database as it was at one moment, while other \
            processes keep writing. It is written beside FILE under a temporary name, readable by its owner \
            only (mode 0600), opened again and checked with SQLite's integrity check, and only then renamed to \
            FILE, so a half or damaged copy never carries that name. FILE is a file: the database and its side \
            files, a folder, a device, a FIFO or a socket are refused, and a symbolic link is followed (the file \
            it points to is replaced, with --force). To restore: stop using the programme, move \
            the database and its -wal and -shm files aside, and copy the backup in its place (see docs/operations.md).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Where to write the copy; refused if it exists, unless --force.", valueName: "file"))
    var file: String

    @Flag(help: "Replace FILE if it exists.")
    var force = false

    func validate() throws {
        if file.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("the file is empty: expected the path of the copy to write")
        }
    }

    func run(in context: CommandContext) throws {
        let actor = try global.actor(in: context)
        let programme = try global.openProgramme(in: context)
        let copy = try programme.backup(toPath: file, replacing: force, by: actor)
        context.print(
            "Backed up \(programme.path) to \(copy.path): \(Self.size(copy.bytes)), \(NumberText.grouped(copy.employees)) "
                + "employee\(copy.employees == 1 ? "" : "s"), \(NumberText.grouped(copy.actions)) action\(copy.actions == 1 ? "" : "s"); "
                + "the copy passes SQLite's integrity check")
    }

    /// "2.5 MB (2,457,600 bytes)"; small files in bytes only.
    static func size(_ bytes: Int) -> String {
        let exact = "\(NumberText.grouped(bytes)) byte\(bytes == 1 ? "" : "s")"
        guard bytes >= 1_000_000 else { return exact }
        let tenths = (bytes + 50_000) / 100_000
        return "\(NumberText.grouped(tenths / 10)).\(tenths % 10) MB (\(exact))"
    }
}
