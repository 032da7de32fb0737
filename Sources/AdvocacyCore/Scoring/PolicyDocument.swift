import Foundation

/// A policy file read as a tree, before its keys are checked: the common
/// ground of the TOML and JSON forms. Tables keep their key order so that a
/// document renders the way it was written.
public indirect enum PolicyValue: Sendable {
    case table([(key: String, value: PolicyValue)])
    case array([PolicyValue])
    case number(Double)
    case string(String)

    /// What the value is, in the words of an error message.
    var typeName: String {
        switch self {
        case .table: "a table"
        case .array: "a list"
        case .number: "a number"
        case .string: "text"
        }
    }
}

extension PolicyValue {
    /// Reads a JSON policy document.
    public static func parseJSON(_ text: String) throws -> PolicyValue {
        do {
            return try JSONDecoder().decode(JSONTree.self, from: Data(text.utf8)).value
        } catch let error as CoreError {
            throw error
        } catch DecodingError.dataCorrupted(let context) {
            let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            throw CoreError.invalidPolicyFile(format: "JSON", detail: detail ?? context.debugDescription)
        } catch {
            throw CoreError.invalidPolicyFile(format: "JSON", detail: "\(error)")
        }
    }

    /// Decodes any JSON except true, false and null, which no policy key takes.
    private struct JSONTree: Decodable {
        var value: PolicyValue

        init(from decoder: any Decoder) throws {
            if let container = try? decoder.container(keyedBy: AnyKey.self) {
                // JSON objects have no order; sorted keys make the result stable.
                value = .table(
                    try container.allKeys.map(\.stringValue).sorted().map { key in
                        (key, try container.decode(JSONTree.self, forKey: AnyKey(stringValue: key)).value)
                    })
            } else if var container = try? decoder.unkeyedContainer() {
                var values: [PolicyValue] = []
                while !container.isAtEnd { values.append(try container.decode(JSONTree.self).value) }
                value = .array(values)
            } else {
                let container = try decoder.singleValueContainer()
                if let text = try? container.decode(String.self) {
                    value = .string(text)
                } else if !container.decodeNil(), (try? container.decode(Bool.self)) == nil,
                    let number = try? container.decode(Double.self)
                {
                    value = .number(number)
                } else {
                    let path = decoder.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
                    throw CoreError.invalidPolicy(key: path, problem: "is true, false or null: expected a number")
                }
            }
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Renders the document as JSON, with keys in document order.
    public func renderJSON() -> String {
        render(indent: "") + "\n"
    }

    private func render(indent: String) -> String {
        switch self {
        case .table(let entries):
            let inner = indent + "  "
            let lines = entries.map { "\(inner)\(Self.quoted($0.key)): \($0.value.render(indent: inner))" }
            return lines.isEmpty ? "{}" : "{\n" + lines.joined(separator: ",\n") + "\n\(indent)}"
        case .array(let values):
            return "[" + values.map { $0.render(indent: indent) }.joined(separator: ", ") + "]"
        case .number(let value):
            return NumberText.plain(value)
        case .string(let text):
            return Self.quoted(text)
        }
    }

    /// Renders the document as TOML: top-level tables become `[sections]`,
    /// each preceded by its comment, if any.
    public func renderTOML(comments: [String: String] = [:]) -> String {
        guard case .table(let sections) = self else { return "" }
        var lines: [String] = []
        for (name, value) in sections {
            guard case .table(let entries) = value else {
                lines.append("\(name) = \(value.renderInline())")
                continue
            }
            if !lines.isEmpty { lines.append("") }
            if let comment = comments[name] {
                lines += comment.split(separator: "\n", omittingEmptySubsequences: false).map { "# \($0)" }
            }
            lines.append("[\(name)]")
            for (key, entry) in entries {
                if let comment = comments["\(name).\(key)"] { lines.append("# \(comment)") }
                lines.append("\(key) = \(entry.renderInline())")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func renderInline() -> String {
        switch self {
        case .table(let entries): "{ " + entries.map { "\($0.key) = \($0.value.renderInline())" }.joined(separator: ", ") + " }"
        case .array(let values): "[" + values.map { $0.renderInline() }.joined(separator: ", ") + "]"
        case .number(let value): NumberText.plain(value)
        case .string(let text): Self.quoted(text)
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 {
                    result += String(format: "\\u%04X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
