import AdvocacyCore
import ArgumentParser
import Foundation

/// How a listing or showing command prints its result.
enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, csv
}

/// How a report that is not a table prints (explain, rewards propose).
enum ReportFormat: String, CaseIterable, Sendable {
    case text, json
}

struct OutputOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("Output format: text, json or csv.", valueName: "format"),
        transform: Parse.choice)
    var format: OutputFormat = .text
}

/// Rows and columns that print as an aligned text table or as CSV.
struct Table {
    struct Column {
        var header: String
        var numeric = false
        /// Longer text cells are cut with "…" in text output (never in CSV).
        var maxWidth: Int? = nil
    }

    var columns: [Column]
    var rows: [[String]]

    /// Columns padded to their widest cell, numbers right-aligned, control
    /// characters shown as escapes (``TerminalText``) before measuring.
    func text() -> String {
        let cut = rows.map { row in
            zip(columns, row).map { column, cell in
                let cell = TerminalText.oneLine(cell)
                guard let limit = column.maxWidth, cell.count > limit else { return cell }
                return String(cell.prefix(limit - 1)) + "…"
            }
        }
        let widths = columns.indices.map { index in
            max(columns[index].header.count, cut.map { $0[index].count }.max() ?? 0)
        }
        // Cells are padded to their column's width, except at the end of a line.
        func line(_ cells: [String]) -> String {
            let last = cells.lastIndex { !$0.isEmpty } ?? 0
            return cells.indices.prefix(last + 1).map { index in
                let cell = cells[index], padding = String(repeating: " ", count: widths[index] - cell.count)
                if columns[index].numeric { return padding + cell }
                return index == last ? cell : cell + padding
            }.joined(separator: "  ")
        }
        return ([line(columns.map(\.header))] + cut.map(line)).joined(separator: "\n")
    }

    /// The same rows with only the columns whose headers are given, in that order.
    func keeping(_ headers: [String]) -> Table {
        let indices = headers.compactMap { header in columns.firstIndex { $0.header == header } }
        return Table(columns: indices.map { columns[$0] }, rows: rows.map { row in indices.map { row[$0] } })
    }

    /// RFC 4180 CSV with a header row and CRLF line ends, formulas neutralised (Core's ``CSVWriter``).
    func csv(_ writer: CSVWriter = CSVWriter()) -> String {
        writer.document(header: columns.map(\.header), rows: rows)
    }
}

extension CommandContext {
    /// Prints `value` as JSON, or `table` as text or CSV.
    func emit<Value: Encodable>(_ value: Value, as format: OutputFormat, table: () -> Table) throws {
        switch format {
        case .json: print(try Self.json(value))
        case .csv: standardOutput.write(table().csv())
        case .text: print(table().text())
        }
    }

    /// Prints one record: JSON object, CSV with one row, or aligned `key: value` lines.
    func emitRecord<Value: Encodable>(_ value: Value, as format: OutputFormat, fields: [(String, String)]) throws {
        switch format {
        case .json: print(try Self.json(value))
        case .csv:
            let writer = CSVWriter()
            standardOutput.write(writer.line(fields.map(\.0)) + writer.line(fields.map(\.1)))
        case .text:
            let width = fields.map(\.0.count).max() ?? 0
            for (key, value) in fields where !value.isEmpty {
                // An empty key continues the field above (a list of channels).
                let label = key.isEmpty ? " " : key + ":"
                print(label + String(repeating: " ", count: width - key.count + 1) + value)
            }
        }
    }

    static func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
