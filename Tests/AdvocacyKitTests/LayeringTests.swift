import Foundation
import Testing

/// The layers hold: the front ends and the report reach the database only
/// through AdvocacyKit, and the Store is persistence, with no rule of who may
/// do what.
@Suite("Layering")
struct LayeringTests {
    /// The package's root, from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func imports(in target: String) throws -> [(file: String, module: String)] {
        let folder = root.appendingPathComponent("Sources/\(target)")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        var found: [(String, String)] = []
        for case let url as URL in files where url.pathExtension == "swift" {
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ")
                if let at = words.firstIndex(of: "import"), at + 1 < words.count, words[..<at].allSatisfy({ $0.hasPrefix("@") }) {
                    found.append((url.lastPathComponent, String(words[at + 1])))
                }
            }
        }
        return found
    }

    @Test(arguments: ["AdvocacyCLI", "AdvocacyReport"])
    func frontEndsNeverImportTheStoreOrGRDB(target: String) throws {
        let imports = try Self.imports(in: target)
        #expect(!imports.isEmpty, "no Swift file found under Sources/\(target)")
        let forbidden = imports.filter { ["AdvocacyStore", "GRDB", "GRDBSQLite"].contains($0.module) }
        #expect(forbidden.isEmpty, "\(forbidden.map { "\($0.file) imports \($0.module)" })")
    }

    /// Foundation and what it is built on: _FoundationICU is the ICU Foundation links, whose spoof checker tells look-alikes apart.
    @Test func coreImportsFoundationOnly() throws {
        let modules = Set(try Self.imports(in: "AdvocacyCore").map(\.module))
        #expect(
            modules.isSubset(of: ["Foundation", "FoundationXML", "_FoundationICU", "Glibc", "Darwin", "Synchronization"]),
            "\(modules)")
    }

    /// Who may do what is decided in AdvocacyKit (with Core's AccessRules),
    /// never inside a Store method a caller could reach without it.
    @Test func theStoreNeverDecidesWhoMayDoWhat() throws {
        let folder = Self.root.appendingPathComponent("Sources/AdvocacyStore")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        var checked = 0
        var deciding: [String] = []
        for case let url as URL in files where url.pathExtension == "swift" {
            checked += 1
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            where line.contains("AccessRules.") && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                deciding.append("\(url.lastPathComponent): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(checked > 10, "only \(checked) Swift files found under Sources/AdvocacyStore")
        #expect(deciding.isEmpty, "\(deciding)")
    }
}
