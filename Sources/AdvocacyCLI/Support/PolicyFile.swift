import AdvocacyCore
import Foundation
import TOMLKit

/// Reads a policy file, TOML or JSON, into a checked ``Policy``.
enum PolicyFile {
    enum Format: String, CaseIterable {
        case toml, json
    }

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
        return try Policy(document: try parse(text, format: format(of: path, text: text)))
    }

    /// By extension, else by content: JSON starts with `{`.
    static func format(of path: String, text: String) -> Format {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "json": .json
        case "toml": .toml
        default: text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.first == "{" ? .json : .toml
        }
    }

    static func parse(_ text: String, format: Format) throws -> PolicyValue {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        switch format {
        case .json:
            return try PolicyValue.parseJSON(text)
        case .toml:
            do {
                return try value(of: try TOMLTable(string: text), path: "")
            } catch let error as TOMLParseError {
                throw CoreError.invalidPolicyFile(
                    format: "TOML",
                    detail: "\(error.description) (line \(error.source.begin.line), column \(error.source.begin.column))")
            }
        }
    }

    private static func value(of table: TOMLTable, path: String) throws -> PolicyValue {
        // TOML tables keep no order here; sorted keys make the result stable.
        .table(
            try table.sorted { $0.0 < $1.0 }.map { key, node in
                (key, try value(of: node, path: path.isEmpty ? key : "\(path).\(key)"))
            })
    }

    private static func value(of node: TOMLValueConvertible, path: String) throws -> PolicyValue {
        if let table = node.table { return try value(of: table, path: path) }
        if let array = node.array { return .array(try array.map { try value(of: $0, path: path) }) }
        if let int = node.int { return .number(Double(int)) }
        if let double = node.double { return .number(double) }
        if let string = node.string { return .string(string) }
        throw CoreError.invalidPolicy(key: path, problem: "is a \(node.type): expected a number")
    }
}
