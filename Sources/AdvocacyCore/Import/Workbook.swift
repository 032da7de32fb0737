import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The sheets of an Excel workbook (an XLSX file: SpreadsheetML parts in a
/// ZIP archive), read as rows of text, the way an export's figures are read.
///
/// Core reads the XML; the caller opens the archive and hands over each part
/// by its path (`xl/workbook.xml`, `xl/worksheets/sheet1.xml`…), so that
/// the limits on what an archive may inflate to stay where the archive is
/// opened. Only what an import needs is read: sheet names, shared strings,
/// inline strings and values. Styles, formulas and formatting are not: a
/// number is its stored text (`1234`, `1234.5`), a date typed as text stays
/// that text, and a date stored as a number stays the day count Excel keeps.
///
/// External entities are never loaded, and a sheet whose rows go past
/// ``rowLimit`` (a workbook of a million empty rows) is refused as soon as
/// the parser reaches that row, before it holds more than a few of them.
public struct Workbook: Sendable {
    /// One sheet's rows that hold at least one value, in order.
    public struct Sheet: Sendable {
        public let name: String
        public let rows: [Row]
    }

    /// A row of a sheet: its number as Excel shows it (from 1) and its
    /// non-empty cells by column (A is 0).
    public struct Row: Sendable, Equatable {
        public let number: Int
        public let cells: [Int: String]

        public init(number: Int, cells: [Int: String]) {
            self.number = number
            self.cells = cells
        }

        /// The cell's text, trimmed; `nil` when empty.
        public subscript(column: Int) -> String? {
            guard let text = cells[column]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                return nil
            }
            return text
        }
    }

    /// No export an import takes comes near this many rows (LinkedIn's has a
    /// row a day and at most fifty posts); past it, the file is refused.
    public static let rowLimit = 100_000
    /// Excel's last column, XFD.
    static let columnLimit = 16_384

    /// The sheets, by name, in the workbook's order.
    public let sheets: [Sheet]

    /// The sheet named `name` (without regard to case), if there is one.
    public func sheet(_ name: String) -> Sheet? {
        sheets.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// Reads the sheets of the workbook whose parts `part` returns (`nil`
    /// for a part the archive does not have).
    ///
    /// - Throws: ``CoreError/invalidWorkbook(_:)`` saying which part is
    ///   missing or cannot be read, and where.
    public static func read(part: (String) throws -> Data?) throws -> Workbook {
        guard let workbook = try part("xl/workbook.xml") else {
            throw CoreError.invalidWorkbook("it has no xl/workbook.xml, so it is not an Excel workbook (.xlsx)")
        }
        let listed = try parse(workbook, part: "xl/workbook.xml", with: SheetList())
        let targets =
            try part("xl/_rels/workbook.xml.rels").map {
                try parse($0, part: "xl/_rels/workbook.xml.rels", with: Relationships()).targets
            } ?? [:]
        let shared =
            try part("xl/sharedStrings.xml").map {
                try parse($0, part: "xl/sharedStrings.xml", with: SharedStrings()).strings
            } ?? []
        var sheets: [Sheet] = []
        for (name, relationship) in listed.sheets {
            guard let target = targets[relationship] else {
                throw CoreError.invalidWorkbook("the sheet '\(name)' names no part of the file (\(relationship))")
            }
            // Targets are relative to xl/, or absolute from the archive's root.
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let data = try part(path) else {
                throw CoreError.invalidWorkbook("the sheet '\(name)' should be in \(path), which the file does not have")
            }
            let rows = try parse(data, part: path, with: SheetRows(name: name, shared: shared)).rows
            sheets.append(Sheet(name: name, rows: rows))
        }
        return Workbook(sheets: sheets)
    }

    /// Runs `reader` over `data`, turning a parse failure into words.
    private static func parse<Reader: PartReader>(_ data: Data, part: String, with reader: Reader) throws -> Reader {
        let document: Data
        do {
            document = try XMLInput.prepared(data)
        } catch {
            throw CoreError.invalidWorkbook("\(part) is not well-formed XML (line \(error.line): \(error.reason))")
        }
        let parser = XMLParser(data: document)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        let finished = parser.parse()
        if let failure = reader.failure { throw CoreError.invalidWorkbook(failure) }
        guard finished, reader.complete else {
            // Parsed to its end without its root element closing: cut short.
            let code = finished ? 5 : (parser.parserError as NSError?)?.code ?? 1
            throw CoreError.invalidWorkbook(
                "\(part) is not well-formed XML (line \(max(1, parser.lineNumber)): \(FeedParser.describe(code: code)))")
        }
        return reader
    }

    /// Column A is 0, Z 25, AA 26: from a cell reference such as `AB12`.
    static func column(ofReference reference: String) -> Int? {
        var column = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard let value = letterValue(scalar) else { break }
            column = column * 26 + value
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : column - 1
    }

    private static func letterValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "A"..."Z": Int(scalar.value - UnicodeScalar("A").value) + 1
        case "a"..."z": Int(scalar.value - UnicodeScalar("a").value) + 1
        default: nil
        }
    }

    /// The day a date stored as a number is: days since 1899-12-30, as Excel
    /// keeps them (the serial 45000 is 2023-03-15), for a serial between
    /// 1 and 2958465 (the year 9999). The fraction of a day is ignored.
    public static func date(serial text: String) -> LocalDate? {
        guard let serial = Double(text), serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        return LocalDate(year: 1899, month: 12, day: 30)?.adding(days: Int(serial.rounded(.down)))
    }
}

// MARK: - The parts' readers

/// Reads one part: the parser's events as `start`, `end` and `text`, which
/// a part's reader overrides. It may stop with a reason, and knows whether
/// its root element ended, since libxml2 on Linux reports no error for a
/// document cut short.
private class PartReader: NSObject, XMLParserDelegate {
    let root: String
    var failure: String?
    private(set) var complete = false

    init(root: String) { self.root = root }

    func start(_ element: String, _ attributes: [String: String], _ parser: XMLParser) {}
    func end(_ element: String, _ parser: XMLParser) {}
    func text(_ string: String) {}

    func fail(_ parser: XMLParser, _ reason: String) {
        guard failure == nil else { return }
        failure = reason
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) { start(element, attributes, parser) }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        end(element, parser)
        if element == root { complete = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }
}

/// `xl/workbook.xml`: each sheet's name and relationship id, in order.
private final class SheetList: PartReader {
    var sheets: [(name: String, relationship: String)] = []

    init() { super.init(root: "workbook") }

    override func start(_ element: String, _ attributes: [String: String], _ parser: XMLParser) {
        guard element == "sheet" else { return }
        // The relationship attribute is r:id; with namespaces processed its key keeps the prefix on Linux.
        let relationship = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") || $0.key == "id" }?.value
        guard let name = attributes["name"], let relationship else {
            return fail(parser, "xl/workbook.xml lists a sheet without a name or a part")
        }
        sheets.append((name, relationship))
    }
}

/// `xl/_rels/workbook.xml.rels`: where each relationship id points.
private final class Relationships: PartReader {
    var targets: [String: String] = [:]

    init() { super.init(root: "Relationships") }

    override func start(_ element: String, _ attributes: [String: String], _ parser: XMLParser) {
        guard element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        targets[id] = target
    }
}

/// `xl/sharedStrings.xml`: the text of each `<si>`, its runs joined, its
/// phonetic guides (`<rPh>`) left out.
private final class SharedStrings: PartReader {
    var strings: [String] = []
    private var current: String?
    private var inText = false
    private var phonetic = 0

    init() { super.init(root: "sst") }

    override func start(_ element: String, _ attributes: [String: String], _ parser: XMLParser) {
        switch element {
        case "si": current = ""
        case "rPh": phonetic += 1
        case "t": inText = current != nil && phonetic == 0
        default: break
        }
    }

    override func end(_ element: String, _ parser: XMLParser) {
        switch element {
        case "si":
            strings.append(current ?? "")
            current = nil
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
    }

    override func text(_ string: String) {
        if inText { current?.append(string) }
    }
}

/// A worksheet's `<sheetData>`: the rows that hold a value, each cell as
/// text (a shared string looked up, an inline string, a value as stored).
private final class SheetRows: PartReader {
    let name: String
    let shared: [String]
    var rows: [Workbook.Row] = []

    private var rowNumber = 0
    private var cells: [Int: String] = [:]
    private var cellColumn = 0
    private var cellType: String?
    private var value: String?
    private var capturing = false

    init(name: String, shared: [String]) {
        self.name = name
        self.shared = shared
        super.init(root: "worksheet")
    }

    override func start(_ element: String, _ attributes: [String: String], _ parser: XMLParser) {
        switch element {
        case "row":
            // `r` may be left out, meaning the row after the last.
            let number = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            guard number > rowNumber, number <= Workbook.rowLimit else {
                return fail(
                    parser,
                    number > Workbook.rowLimit
                        ? "the sheet '\(name)' goes past row \(NumberText.grouped(Workbook.rowLimit)), more than any export it could be"
                        : "the sheet '\(name)' has row \(number) after row \(rowNumber)")
            }
            rowNumber = number
            cells = [:]
            cellColumn = -1
        case "c":
            let column = attributes["r"].flatMap(Workbook.column(ofReference:)) ?? cellColumn + 1
            guard column < Workbook.columnLimit else {
                return fail(parser, "the sheet '\(name)' has a cell beyond Excel's last column on row \(rowNumber)")
            }
            cellColumn = column
            cellType = attributes["t"]
            value = nil
        case "v", "t":
            capturing = true
            if value == nil { value = "" }
        default: break
        }
    }

    override func end(_ element: String, _ parser: XMLParser) {
        switch element {
        case "v", "t": capturing = false
        case "c":
            guard let stored = value else { return }
            if cellType == "s" {
                guard let index = Int(stored.trimmingCharacters(in: .whitespaces)), shared.indices.contains(index) else {
                    return fail(parser, "the sheet '\(name)' refers to a text that the file does not have, on row \(rowNumber)")
                }
                cells[cellColumn] = shared[index]
            } else if !stored.isEmpty {
                cells[cellColumn] = stored
            }
        case "row":
            if !cells.isEmpty { rows.append(Workbook.Row(number: rowNumber, cells: cells)) }
        default: break
        }
    }

    override func text(_ string: String) {
        if capturing { value?.append(string) }
    }
}
