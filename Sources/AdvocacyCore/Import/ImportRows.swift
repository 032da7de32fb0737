import Foundation

/// A roster row: who someone is, as HR's file says. Empty cells are `nil`,
/// so an update changes only what the file fills in.
public struct EmployeeImportRow: Hashable, Sendable {
    public var email: EmailAddress
    public var name: String?
    public var team: String?
    public var role: Role?
    public var hrID: String?
    /// Whether the person consents to the programme tracking their external
    /// channels (yes/no, oui/non); nil when the cell is empty or the column absent.
    public var consent: Bool?

    public static let email = ImportColumn("email", also: ["courriel", "e-mail", "mail", "adresse mail", "adresse e-mail"])
    public static let name = ImportColumn("name", also: ["nom", "full name", "nom complet", "prénom nom"])
    public static let team = ImportColumn("team", also: ["équipe", "service", "département"], required: false)
    public static let role = ImportColumn("role", also: ["rôle"], required: false)
    public static let hrID = ImportColumn(
        "hr_id", also: ["matricule", "hr id", "employee id", "employee number"], required: false)
    public static let consent = ImportColumn("consent", also: ["consentement", "rgpd", "gdpr"], required: false)
    public static let columns = [email, name, team, role, hrID, consent]

    /// Reads and validates one roster row.
    public init(_ record: ImportRecord, in columns: ImportColumns) throws {
        email = try EmailAddress(try ImportCell.required(Self.email, record, columns))
        name = try TextField.optional(columns.text(Self.name, in: record), field: "name", limit: 200, rule: .name)
        team = try TextField.optional(columns.text(Self.team, in: record), field: "team", limit: 100)
        role = try columns.text(Self.role, in: record).map(Role.parse)
        hrID = try TextField.optional(columns.text(Self.hrID, in: record), field: "HR id", limit: 64)
        consent = try columns.text(Self.consent, in: record).map(Self.consentAnswer)
    }

    /// Reads a consent cell: yes/no, oui/non, true/false, 1/0 (any case).
    static func consentAnswer(_ text: String) throws -> Bool {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "yes", "y", "oui", "o", "true", "1": return true
        case "no", "n", "non", "false", "0": return false
        default: throw CoreError.unknownValue(text, field: "consent answer", allowed: ["yes", "no", "oui", "non"])
        }
    }
}

/// The columns of an actions file: one published piece of work per row.
public enum ActionImportColumns {
    public static let email = ImportColumn("email", also: ["courriel", "e-mail", "author"])
    public static let url = ImportColumn("url", also: ["link", "lien", "address"])
    public static let kind = ImportColumn("kind", also: ["type"], required: false)
    public static let title = ImportColumn("title", also: ["titre"], required: false)
    public static let date = ImportColumn("date", also: ["published", "published on", "publié le"])
    public static let projects = ImportColumn("projects", also: ["projets", "project"], required: false)
    public static let effort = ImportColumn("effort", also: ["effort hours", "hours", "heures"], required: false)
    public static let reactions = ImportColumn("reactions", also: ["likes"], required: false)
    public static let comments = ImportColumn("comments", also: ["commentaires", "replies"], required: false)
    public static let shares = ImportColumn("shares", also: ["partages", "reposts"], required: false)
    public static let impressions = ImportColumn("impressions", also: ["views", "vues"], required: false)
    public static let clicks = ImportColumn("clicks", also: ["clics"], required: false)
    /// When the counters were read; the import's day when absent.
    public static let metricsDate = ImportColumn("metrics_date", also: ["measured on"], required: false)
    public static let all = [
        email, url, kind, title, date, projects, effort, reactions, comments, shares, impressions, clicks, metricsDate,
    ]

    /// Reads one row as an action to log. Project codes are separated by `|`.
    public static func draft(
        _ record: ImportRecord, in columns: ImportColumns, today: LocalDate, emails: EmailCache = EmailCache()
    ) throws
        -> ActionDraft
    {
        let author = try emails.email(ImportCell.required(email, record, columns))
        let address = try CanonicalURL(try ImportCell.required(url, record, columns))
        let projectCodes = try columns.text(projects, in: record).map(ImportCell.projectCodes) ?? []
        let counters = try MetricsUpdate(
            impressions: ImportCell.count(impressions, record, columns), reactions: ImportCell.count(reactions, record, columns),
            comments: ImportCell.count(comments, record, columns), shares: ImportCell.count(shares, record, columns),
            clicks: ImportCell.count(clicks, record, columns))
        var draft = try ActionDraft(
            author: author, url: address, kind: try columns.text(kind, in: record).map(ActionKind.parse),
            title: columns.text(title, in: record),
            date: try ImportCell.date(ImportCell.required(date, record, columns), in: columns),
            effortHours: try ImportCell.decimal(effort, record, columns), projects: projectCodes, metrics: counters, today: today)
        if let measured = try columns.text(metricsDate, in: record).map({ try ImportCell.date($0, in: columns) }) {
            try measured.requireNotAfter(today)
            draft.metricsDate = measured
        }
        return draft
    }
}

/// The columns of a followers file: a channel's audience on a day.
public struct FollowerImportRow: Hashable, Sendable {
    public var channel: CanonicalURL
    public var date: LocalDate
    public var followers: Int

    public static let url = ImportColumn("url", also: ["channel", "chaîne", "profile"])
    public static let date = ImportColumn("date")
    public static let followers = ImportColumn("followers", also: ["abonnés", "followers count", "audience"])
    public static let columns = [url, date, followers]

    /// A count of `channel`'s followers on `date`, which may not be after `today`.
    public init(channel: CanonicalURL, date: LocalDate, followers: Int, today: LocalDate) throws {
        try date.requireNotAfter(today)
        try Counts.check(followers, name: "followers")
        (self.channel, self.date, self.followers) = (channel, date, followers)
    }

    public init(_ record: ImportRecord, in columns: ImportColumns, today: LocalDate) throws {
        channel = try CanonicalURL(try ImportCell.required(Self.url, record, columns))
        date = try ImportCell.date(ImportCell.required(Self.date, record, columns), in: columns)
        try date.requireNotAfter(today)
        guard let count = try ImportCell.count(Self.followers, record, columns) else {
            throw CoreError.emptyCell(column: "followers")
        }
        followers = count
    }
}

/// How cells are read, the same way in every importer.
public enum ImportCell {
    /// The cell's text, or ``CoreError/emptyCell(column:)``.
    public static func required(_ column: ImportColumn, _ record: ImportRecord, _ columns: ImportColumns) throws -> String {
        guard let text = columns.text(column, in: record) else { throw CoreError.emptyCell(column: column.name) }
        return text
    }

    /// A date cell of `columns`' file: `YYYY-MM-DD`, or in the file's
    /// ``ImportColumns/dateOrder`` (`31/10/2026` in a French spreadsheet's file).
    public static func date(_ text: String, in columns: ImportColumns) throws -> LocalDate {
        if DateOrder.isISO(text) { return try date(text) }
        guard let order = columns.dateOrder else {
            throw DateOrder.parts(text) == nil ? CoreError.invalidDate(text) : CoreError.dateNeedsOrder(text)
        }
        return try order.date(text)
    }

    /// A date as `YYYY-MM-DD`; a spreadsheet's `2026-09-30 00:00:00` is read as its day.
    public static func date(_ text: String) throws -> LocalDate {
        if text.utf8.count > 10, text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: 10)] == UInt8(ascii: " ") {
            return try LocalDate(parsing: String(text.prefix(10)))
        }
        return try LocalDate(parsing: text)
    }

    /// Project codes separated by `|` (spaces around them ignored).
    public static func projectCodes(_ text: String) throws -> [ProjectCode] {
        try text.split(separator: "|").compactMap { part in
            // Codes are nearly always written without spaces: Foundation trims only when needed.
            let isTrimmed =
                part.utf8.first.map { $0 > 0x20 && $0 < 0x80 } == true && part.utf8.last.map { $0 > 0x20 && $0 < 0x80 } == true
            let code = isTrimmed ? String(part) : part.trimmingCharacters(in: .whitespaces)
            return code.isEmpty ? nil : try ProjectCode(code)
        }
    }

    /// A whole number of 0 or more; empty or `-` means unknown (`nil`).
    /// Thousands separators that exports write (`1 500`, `1,500`, `1.500`,
    /// with a space, no-break space, comma or dot) are accepted only between
    /// groups of three digits, so `1.5` is refused rather than read as 15.
    public static func count(_ column: ImportColumn, _ record: ImportRecord, _ columns: ImportColumns) throws -> Int? {
        guard let text = columns.text(column, in: record), text != "-" else { return nil }
        if let value = Int(text) {
            try Counts.check(value, name: column.name)
            return value
        }
        let separators: Set<Character> = [" ", "\u{00A0}", "\u{202F}", ",", "."]
        guard let separator = text.first(where: separators.contains) else {
            throw CoreError.invalidNumber(text, column: column.name)
        }
        let groups = text.split(separator: separator, omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count),
            groups.dropFirst().allSatisfy({ $0.count == 3 }),
            groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let value = Int(groups.joined())
        else { throw CoreError.invalidNumber(text, column: column.name) }
        return value
    }

    /// A count as a platform's export writes it: `424`, or `424.0` once a
    /// tool has stored it as a decimal; `nil` when empty or `-`. A fraction
    /// (`1.5`) is refused: it cannot be a count, so the file is not what it
    /// seems. `column` names the figure in messages.
    public static func wholeCount(_ text: String, column: String) throws -> Int? {
        guard !text.isEmpty, text != "-" else { return nil }
        if let value = Int(text) {
            try Counts.check(value, name: column)
            return value
        }
        guard text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ".") }),
            let value = Double(text), value.isFinite
        else { throw CoreError.invalidNumber(text, column: column) }
        guard value.rounded() == value, value <= Double(Int32.max) else {
            throw CoreError.fractionalCount(text, column: column)
        }
        return Int(value)
    }

    /// A decimal number, with `.` or a French `,`; empty means none.
    public static func decimal(_ column: ImportColumn, _ record: ImportRecord, _ columns: ImportColumns) throws -> Double? {
        guard let text = columns.text(column, in: record), text != "-" else { return nil }
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite else {
            throw CoreError.invalidNumber(text, column: column.name)
        }
        return value
    }

    /// A post's text made into a one-line title of at most 200 characters.
    public static func headline(_ text: String) -> String {
        if let words = wordsBySingleSpaces(text), words.utf8.count <= 200 { return words }
        let words = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard words.count > 200 else { return words }
        return String(words.prefix(199)) + "…"
    }

    /// `text`'s words joined by single spaces, read scalar by scalar, as
    /// splitting it into characters at whitespace gives them; nil where
    /// that reading could differ: after whitespace, a scalar that might not
    /// begin a character of its own (only letters of Latin script, ASCII,
    /// symbols and emoji are taken to), or a control other than a line
    /// break or tab. Splitting into characters was a tenth to a half of
    /// reading LinkedIn's and X's exports.
    static func wordsBySingleSpaces(_ text: String) -> String? {
        var words: [UInt8] = []
        words.reserveCapacity(text.utf8.count)
        var afterSpace = true
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09...0x0D, 0x20:
                afterSpace = true
                continue
            case 0..<0x20, 0x7F..<0xA0: return nil
            case 0x21..<0x7F:
                if afterSpace && !words.isEmpty { words.append(0x20) }
                afterSpace = false
                words.append(UInt8(truncatingIfNeeded: scalar.value))
                continue
            default:
                let properties = scalar.properties
                if properties.isWhitespace {
                    afterSpace = true
                    continue
                }
                if afterSpace {
                    let beginsACharacter =
                        (scalar.value < 0x250 && properties.isAlphabetic) || properties.generalCategory == .otherSymbol
                    guard beginsACharacter else { return nil }
                    if !words.isEmpty { words.append(0x20) }
                }
            }
            afterSpace = false
            words.append(contentsOf: scalar.utf8)
        }
        return String(decoding: words, as: UTF8.self)
    }

    /// The first line of `text` with more than whitespace in it, as
    /// splitting it into lines would find it, without splitting the rest:
    /// line breaks always end a character, so they are looked for byte by byte.
    public static func firstLine(of text: String) -> Substring? {
        var start = text.startIndex
        while start < text.endIndex {
            let end = lineBreak(in: text, from: start)
            let line = text[start..<end]
            if !line.allSatisfy(\.isWhitespace) { return line }
            guard end < text.endIndex else { return nil }
            start = text.unicodeScalars.index(after: end)
        }
        return nil
    }

    /// Where the next line break (`\n`, `\r`, `\u{B}`, `\u{C}`, U+0085, U+2028, U+2029) is, or the end.
    private static func lineBreak(in text: String, from start: String.Index) -> String.Index {
        let utf8 = text.utf8
        var index = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            switch byte {
            case 0x0A...0x0D: return index
            case 0xC2 where utf8.index(after: index) < utf8.endIndex && utf8[utf8.index(after: index)] == 0x85: return index
            case 0xE2:
                let second = utf8.index(after: index)
                if second < utf8.endIndex, utf8[second] == 0x80 {
                    let third = utf8.index(after: second)
                    if third < utf8.endIndex, utf8[third] == 0xA8 || utf8[third] == 0xA9 { return index }
                }
            default: break
            }
            index = utf8.index(after: index)
        }
        return utf8.endIndex
    }
}

/// Emails already read in this file: an actions file names the same few
/// thousand people on a million rows, so each is validated once.
public final class EmailCache {
    private var known: [String: EmailAddress] = [:]

    public init() {}

    public func email(_ text: String) throws -> EmailAddress {
        if let email = known[text] { return email }
        let email = try EmailAddress(text)
        known[text] = email
        return email
    }
}
