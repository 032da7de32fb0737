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

    @OptionGroup var width: WidthOption
}

/// `--wide`: on a terminal, every column however wide (piped output always has them all).
struct WidthOption: ParsableArguments {
    @Flag(help: "On a terminal, print every column and whole lines, however wide (piped output always does).")
    var wide = false
}

/// Rows and columns that print as an aligned text table or as CSV.
struct Table {
    struct Column {
        var header: String
        var numeric = false
        /// Longer text cells are cut with "…" in text output (never in CSV).
        var maxWidth: Int? = nil
        /// Which columns a narrow terminal loses first: the highest number
        /// first; 0 is never left out.
        var priority = 1
        /// Whether its cells may be shortened (with "…") to fit a terminal:
        /// names, titles, addresses.
        var shrinks = false
        /// What an abbreviated header means, printed under the table on a terminal.
        var legend: String? = nil
        /// The colour of a cell on a terminal that shows colours, by its text.
        var colour: (@Sendable (String) -> TerminalColour?)? = nil
    }

    var columns: [Column]
    var rows: [[String]]

    /// Columns padded to their widest cell, numbers right-aligned, control
    /// characters shown as escapes (``TerminalText``) before measuring.
    ///
    /// With a `width` (a terminal's), the table fits it: columns of low
    /// priority are left out first, then long cells shortened, then more
    /// columns left out, and a line under the table says which and how to
    /// see them. On a terminal (`legends`, implied by a width), the legends
    /// of the abbreviated columns shown follow.
    func text(width: Int? = nil, legends: Bool = false, colours: Bool = false) -> String {
        let cut = rows.map { row in
            zip(columns, row).map { column, cell in Self.shortened(TerminalText.oneLine(cell), to: column.maxWidth) }
        }
        let natural = columns.indices.map { index in
            max(columns[index].header.count, cut.map { TerminalText.width($0[index]) }.max() ?? 0)
        }
        let (kept, widths) = width.map { fitting(natural, into: $0) } ?? (Array(columns.indices), natural)
        var notes: [String] = []
        let left = columns.indices.filter { !kept.contains($0) }.map { columns[$0].header }
        if let width, !left.isEmpty {
            notes.append("(\(left.joined(separator: ", ")) left out to fit \(width) columns: --wide shows them)")
        }
        if legends || width != nil {
            notes += kept.compactMap { index in columns[index].legend.map { "\(columns[index].header): \($0)" } }
        }
        return
            ([render(kept, widths: widths, cells: cut, colours: colours)]
            + notes.flatMap { LineWrapping.wrapLine($0, width: width ?? .max) })
            .joined(separator: "\n")
    }

    /// The columns kept and their widths for a terminal `width` wide.
    private func fitting(_ natural: [Int], into width: Int) -> (kept: [Int], widths: [Int]) {
        let dropOrder = columns.indices.filter { columns[$0].priority > 0 }
            .sorted { (columns[$0].priority, $0) > (columns[$1].priority, $1) }
        for dropped in 0...dropOrder.count {
            let gone = Set(dropOrder.prefix(dropped))
            let kept = columns.indices.filter { !gone.contains($0) }
            var widths = natural
            // Cells are shortened only once the columns that matter least (3 and above) are gone.
            let next = dropped < dropOrder.count ? columns[dropOrder[dropped]].priority : 0
            if next < 3 { shrink(&widths, kept: kept, to: width) }
            if Self.total(widths, kept) <= width || dropped == dropOrder.count { return (kept, widths) }
        }
        return (Array(columns.indices), natural)
    }

    /// Narrows the widest shrinkable column, one character at a time, down
    /// to its header or 16 characters (enough to tell most names and titles
    /// apart), until the kept columns fit `width`.
    private func shrink(_ widths: inout [Int], kept: [Int], to width: Int) {
        let floors = columns.map { max($0.header.count, 16) }
        while Self.total(widths, kept) > width {
            guard
                let widest = kept.filter({ columns[$0].shrinks && widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] })
            else { return }
            widths[widest] -= 1
        }
    }

    private static func total(_ widths: [Int], _ kept: [Int]) -> Int {
        kept.map { widths[$0] }.reduce(0, +) + 2 * max(0, kept.count - 1)
    }

    /// `cell` cut to `limit` terminal cells, "…" in the last one.
    private static func shortened(_ cell: String, to limit: Int?) -> String {
        guard let limit, TerminalText.width(cell) > limit else { return cell }
        return TerminalText.prefix(cell, cells: max(0, limit - 1)) + "…"
    }

    /// The `kept` columns, each padded to its width, except at the end of a line.
    private func render(_ kept: [Int], widths: [Int], cells: [[String]], colours: Bool = false) -> String {
        func line(_ row: [String], header: Bool) -> String {
            let cells = kept.map { Self.shortened(row[$0], to: widths[$0]) }
            let last = cells.lastIndex { !$0.isEmpty } ?? 0
            return cells.indices.prefix(last + 1).map { position in
                let text = cells[position], column = kept[position]
                let padding = String(repeating: " ", count: max(0, widths[column] - TerminalText.width(text)))
                // Painted after measuring: the escapes take no room on screen.
                let colour = colours && !header ? columns[column].colour?(row[column]) : nil
                let cell = colour?.paint(text) ?? text
                if columns[column].numeric { return padding + cell }
                return position == last ? cell : cell + padding
            }.joined(separator: "  ")
        }
        return ([line(columns.map(\.header), header: true)] + cells.map { line($0, header: false) }).joined(separator: "\n")
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
    func emit<Value: Encodable>(_ value: Value, as output: OutputOptions, table: () -> Table) throws {
        switch output.format {
        case .json: standardOutput.write(try JSONOutput.encoded(value))
        case .csv: standardOutput.write(table().csv())
        case .text: print(table(), wide: output.width.wide)
        }
    }

    /// The width text fits: on a terminal, `COLUMNS` when set, else the
    /// terminal's own; nil when the output is piped (scripts get every
    /// column whatever `COLUMNS` says) or with `--wide`.
    func textWidth(wide: Bool) -> Int? {
        guard !wide, standardOutput.isTerminal else { return nil }
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return columns }
        return standardOutput.columns ?? 80
    }

    /// Prints a text table, fitted to the terminal unless `wide`, in colour
    /// where the terminal shows it. Its cells are escaped already
    /// (``TerminalText/oneLine(_:)``), so it is written as it is.
    func print(_ table: Table, wide: Bool) {
        let text = table.text(
            width: textWidth(wide: wide), legends: standardOutput.isTerminal, colours: colours(on: standardOutput))
        standardOutput.write(text + "\n")
    }

    /// Prints a list item by item, as `produce` hands them over, with the
    /// same output as ``emit(_:as:table:)`` given the whole list. JSON and
    /// CSV go out in pieces of about a megabyte, so an export of millions of
    /// actions holds one at a time; the text table needs every row for its
    /// column widths. Nothing is written before the first piece fills, so an
    /// error found before the first item (an unknown filter) prints nothing.
    func emitEach<Value: TableRow>(as output: OutputOptions, _ produce: (_ emit: (Value) throws -> Void) throws -> Void) throws {
        var bytes: [UInt8] = []
        switch output.format {
        case .text:
            var rows: [[String]] = []
            try produce { rows.append($0.row) }
            print(Table(columns: Value.columns, rows: rows), wide: output.width.wide)
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
