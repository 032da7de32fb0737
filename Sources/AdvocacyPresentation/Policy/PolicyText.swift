import AdvocacyCore
import Foundation
import TOMLKit

/// A policy written as text, TOML or JSON: what `policy set` reads from a
/// file and the CIO's policy page from its form, checked the same way.
public enum PolicyText {
    public enum Format: String, CaseIterable, Sendable {
        case toml, json
    }

    /// The checked policy `text` describes: an unknown key, a missing one,
    /// a value out of range or an inverted band is refused with its key named.
    public static func policy(_ text: String, format: Format) throws -> Policy {
        try Policy(document: try parse(text, format: format))
    }

    /// By the file's extension, else by content: JSON starts with `{`.
    public static func format(of path: String, text: String) -> Format {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "json": .json
        case "toml": .toml
        default: format(of: text)
        }
    }

    /// By content alone, for text with no file name: JSON starts with `{`.
    public static func format(of text: String) -> Format {
        text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.first == "{" ? .json : .toml
    }

    public static func parse(_ text: String, format: Format) throws -> PolicyValue {
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
