import AdvocacyCore
import AdvocacyStore
import Foundation
import Testing

@testable import AdvocacyCLI

/// Issue 22, item 5: an erasure takes the person out of free text too, in
/// whatever case colleagues wrote them, and nothing the tool writes after
/// it names them again.
@Suite("Erasure that erases")
struct ErasureNotesCLITests {
    let admin = "admin@corp.fr", cio = "cio@corp.fr"

    @Test func notesInAnyCaseAndTheExportsWrittenAfterTheErasureNameNobody() throws {
        let cli = try CLIHarness.withProgramme()
        let gabriel = "gabriel.moreau@corp.fr"
        try cli.expectSuccess(
            "employee", "add", gabriel, "--name", "Gabriel Moreau", "--team", "Data", "--hr-id", "MAT-48213", as: admin)
        try cli.expectSuccess("privacy", "consent", gabriel, "--grant", as: admin)
        try cli.expectSuccess("channel", "add", gabriel, "https://x.com/GabMoreau42", as: gabriel)
        try cli.expectSuccess("channel", "add", gabriel, "https://gabriel-moreau.example.org", "--kind", "blog", as: gabriel)
        let post = "https://x.com/gabmoreau42/status/1857000000000000001"
        try cli.expectSuccess("log", post, "--title", "Kafka", as: gabriel)
        try cli.expectSuccess("log", "https://gabriel-moreau.example.org/2026/11/sso", "--title", "SSO", as: gabriel)
        try cli.expectSuccess("log", "https://x.com/paul/status/1857000000000000002", "--title", "Paul", as: "paul@corp.fr")
        // Colleagues write about him as people do: other cases, his id, his handle, his addresses.
        try cli.expectSuccess("review", "accept", post, "--note", "Vérifié avec GABRIEL MOREAU (matricule mat-48213)", as: cio)
        try cli.expectSuccess(
            "review", "reject", "https://gabriel-moreau.example.org/2026/11/sso",
            "--reason", "Doublon de HTTPS://X.COM/GABMOREAU42/STATUS/1857000000000000001, voir Gabriel.Moreau@Corp.fr", as: cio)
        try cli.expectSuccess(
            "review", "accept", "https://x.com/paul/status/1857000000000000002",
            "--note", "Relayé par @gabmoreau42 et gabriel moreau ; rien à voir avec le matricule MAT-482130", as: cio)

        let erased = try cli.expectSuccess("privacy", "erase", gabriel, as: admin)
        #expect(erased.output.hasPrefix("Erased \(gabriel): now erased-"))

        // What the tool writes afterwards, each to a file.
        var written: [String: String] = [:]
        for (name, arguments, actor) in [
            ("audit.json", ["audit", "--format", "json"], admin), ("audit.csv", ["audit", "--format", "csv"], admin),
            ("audit.txt", ["audit"], admin), ("actions.csv", ["action", "list", "--format", "csv"], admin),
            ("review.json", ["review", "list", "--status", "rejected", "--format", "json"], cio),
            ("paul.json", ["privacy", "export", "paul@corp.fr"], admin), ("rank.csv", ["rank", "--format", "csv"], cio),
        ] {
            written[name] = try cli.expectSuccess(arguments, as: actor).output
        }
        let report = cli.folder.appendingPathComponent("report.html").path
        try cli.expectSuccess("report", "--output", report, as: cio)
        written["report.html"] = try String(contentsOfFile: report, encoding: .utf8)

        var bytes = try Data(contentsOf: URL(fileURLWithPath: cli.databasePath))
        if let wal = FileManager.default.contents(atPath: cli.databasePath + "-wal") { bytes.append(wal) }
        let traces = [
            "gabriel.moreau", "Gabriel Moreau", "GABRIEL MOREAU", "gabriel moreau", "gabmoreau42", "GabMoreau42", "GABMOREAU42",
            "gabriel-moreau.example.org",
        ]
        for trace in traces {
            #expect(bytes.range(of: Data(trace.utf8)) == nil, "\(trace) is still in the database")
            for (name, text) in written {
                #expect(!text.localizedCaseInsensitiveContains(trace), "\(trace) is still in \(name)")
            }
        }
        // His HR id, in any case, but not as the start of a longer one.
        let hrID = try Regex("(?i)mat-48213(?![0-9])")
        #expect(String(decoding: bytes, as: UTF8.self).firstMatch(of: hrID) == nil, "the HR id is still in the database")
        for (name, text) in written { #expect(text.firstMatch(of: hrID) == nil, "the HR id is still in \(name)") }
        // The notes still say what they said, about a pseudonym, and leave a longer id alone.
        let notes = written["audit.json"] ?? ""
        #expect(notes.contains("Vérifié avec Erased person "), "\(notes)")
        #expect(notes.contains("(matricule [erased])") && notes.contains("Relayé par [erased] et Erased person "))
        #expect(notes.contains("MAT-482130"))
    }
}
