import AdvocacyCore
import AdvocacyPresentation
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

/// A value a listing prints as one row of a table.
protocol TableRow: Encodable {
    static var columns: [Table.Column] { get }
    /// The cells, in ``columns`` order.
    var row: [String] { get }
}

extension CommandContext {
    /// Prints `value` as JSON, or `table` as text or CSV.
    func emit<Value: Encodable>(_ value: Value, as format: OutputFormat, table: () -> Table) throws {
        switch format {
        case .json: standardOutput.write(try JSONOutput.encoded(value))
        case .csv: standardOutput.write(table().csv())
        case .text: print(table().text())
        }
    }

    /// Prints a list item by item, as `produce` hands them over, with the
    /// same output as ``emit(_:as:table:)`` given the whole list. JSON and
    /// CSV go out in pieces of about a megabyte, so an export of millions of
    /// actions holds one at a time; the text table needs every row for its
    /// column widths. Nothing is written before the first piece fills, so an
    /// error found before the first item (an unknown filter) prints nothing.
    func emitEach<Value: TableRow>(as format: OutputFormat, _ produce: (_ emit: (Value) throws -> Void) throws -> Void) throws {
        var bytes: [UInt8] = []
        switch format {
        case .text:
            var rows: [[String]] = []
            try produce { rows.append($0.row) }
            print(Table(columns: Value.columns, rows: rows).text())
            return
        case .csv:
            let writer = CSVWriter()
            writer.append(Value.columns.map(\.header), to: &bytes)
            try produce { value in
                writer.append(value.row, to: &bytes)
                OutputPiece.handOnIfFull(&bytes, to: standardOutput.write(bytes:))
            }
        case .json:
            // The array as JSONOutput.encoded(_:) writes it whole, one element at a time.
            var list = JSONListWriter(handOn: standardOutput.write(bytes:))
            try produce { try list.append($0) }
            list.finish()
            return
        }
        standardOutput.write(bytes: bytes)
    }

    /// Prints one record: JSON object, CSV with one row, or aligned `key: value` lines.
    func emitRecord<Value: Encodable>(_ value: Value, as format: OutputFormat, fields: [(String, String)]) throws {
        switch format {
        case .json: standardOutput.write(try JSONOutput.encoded(value))
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

    /// Prints `value` as JSON through ``JSONWriter``, in pieces of about a megabyte.
    func printJSON(_ value: some JSONWritable) {
        JSONOutput.write(value, to: standardOutput.write(bytes:))
    }

    static func json<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try jsonEncoder().encode(value), as: UTF8.self)
    }

    /// The shared layout of every JSON the CLI and the server print (``JSONOutput``).
    static func jsonEncoder() -> JSONEncoder { JSONOutput.encoder() }
}
