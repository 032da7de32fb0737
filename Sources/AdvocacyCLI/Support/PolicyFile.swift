import AdvocacyCore
import AdvocacyPresentation
import Foundation

/// Reads a policy file, TOML or JSON, into a checked ``Policy``.
enum PolicyFile {
    typealias Format = PolicyText.Format

    static func read(_ path: String) throws -> Policy {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError.unreadableFile(
                path: path,
                reason: FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError.unreadableFile(path: path, reason: "it is not UTF-8 text: expected a TOML or JSON policy")
        }
        return try PolicyText.policy(text, format: PolicyText.format(of: path, text: text))
    }
}
