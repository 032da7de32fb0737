import Foundation

/// LinkedIn's creator analytics export (Analytics, Content, Export): an
/// Excel workbook whose sheets include DISCOVERY, ENGAGEMENT, TOP POSTS,
/// FOLLOWERS and DEMOGRAPHICS. Two of them are read:
///
/// - **TOP POSTS**: under two lines of notes, two tables side by side, the
///   posts with the most engagements (`Post URL, Post publish date,
///   Engagements`) and those with the most impressions (`Post URL, Post
///   publish date, Impressions`). A post in both gets both figures.
/// - **FOLLOWERS**: `Total followers on 10/31/2026:` and the count, then
///   `Date, New followers`, a row a day.
///
/// Dates are text written month/day/year (`10/31/2026`); a workbook opened
/// and saved again in Excel may hold them as day numbers instead, which are
/// read too. Engagements are one total there (reactions, comments, reposts
/// and clicks together) and count as reactions, the part that weighs least.
public enum LinkedInAnalytics {
    public static let postsSheet = "TOP POSTS"
    public static let followersSheet = "FOLLOWERS"

    /// The fields of a post's record, in order, as a rejects file would head them.
    public static let postHeader = ["Post URL", "Post publish date", "Engagements", "Impressions"]
    /// The fields of a day's record.
    public static let followerHeader = ["Date", "New followers"]

    /// What the workbook holds, as records an import applies one by one
    /// (each carrying its row of the sheet as its line).
    public struct Contents: Sendable {
        /// One record per post (``postHeader``), in the order of the sheet.
        public var posts: [ImportRecord]
        /// The audience total and its day, when the FOLLOWERS sheet gives it.
        public var total: (followers: Int, day: LocalDate)?
        /// One record per day (``followerHeader``).
        public var days: [ImportRecord]
    }

    /// Reads the two sheets.
    ///
    /// - Throws: ``CoreError/invalidWorkbook(_:)`` when the workbook has no
    ///   TOP POSTS sheet or no `Post URL` header in it (naming the sheets it
    ///   has), or a FOLLOWERS total that cannot be read.
    public static func read(_ workbook: Workbook) throws -> Contents {
        guard let sheet = workbook.sheet(postsSheet) else {
            throw CoreError.invalidWorkbook(
                "it has no \(postsSheet) sheet (its sheets are \(workbook.sheets.map(\.name).joined(separator: ", "))), so it is not LinkedIn's creator analytics export"
            )
        }
        let posts = try postRecords(sheet)
        guard let followers = workbook.sheet(followersSheet) else { return Contents(posts: posts, total: nil, days: []) }
        let (total, days) = try followerRecords(followers)
        return Contents(posts: posts, total: total, days: days)
    }

    /// The posts of both tables, one record each, merged by address.
    static func postRecords(_ sheet: Workbook.Sheet) throws -> [ImportRecord] {
        guard let headerIndex = sheet.rows.firstIndex(where: { row in row.cells.values.contains { isHeader($0, "Post URL") } })
        else {
            throw CoreError.invalidWorkbook("its \(sheet.name) sheet has no 'Post URL' header")
        }
        let header = sheet.rows[headerIndex]
        // Each table starts at a Post URL column; its date and figure are the next headers to its right.
        let starts = header.cells.filter { isHeader($0.value, "Post URL") }.keys.sorted()
        let tables: [(url: Int, date: Int?, figure: Int?, isImpressions: Bool)] = starts.enumerated().map { index, start in
            let end = index + 1 < starts.count ? starts[index + 1] : Int.max
            let own = header.cells.filter { $0.key > start && $0.key < end }
            let date = own.first { isHeader($0.value, "Post publish date") }?.key
            let figure = own.filter { isHeader($0.value, "Engagements") || isHeader($0.value, "Impressions") }.keys.min()
            return (start, date, figure, figure.map { isHeader(header.cells[$0] ?? "", "Impressions") } ?? false)
        }
        var order: [String] = []
        var fields: [String: (line: Int, values: [String])] = [:]
        for row in sheet.rows[(headerIndex + 1)...] {
            for table in tables {
                guard let url = row[table.url] else { continue }
                // One post in both tables is one record; its address as written is the key.
                var entry = fields[url] ?? (row.number, [url, "", "", ""])
                if fields[url] == nil { order.append(url) }
                if let date = table.date, let text = row[date], entry.values[1].isEmpty { entry.values[1] = text }
                if let figure = table.figure, let text = row[figure] { entry.values[table.isImpressions ? 3 : 2] = text }
                fields[url] = entry
            }
        }
        return order.compactMap { url in fields[url].map { ImportRecord(line: $0.line, fields: $0.values) } }
    }

    /// The total and the new followers of each day.
    static func followerRecords(_ sheet: Workbook.Sheet) throws -> ((followers: Int, day: LocalDate)?, [ImportRecord]) {
        var total: (followers: Int, day: LocalDate)?
        if let row = sheet.rows.first(where: { ($0[0] ?? "").lowercased().hasPrefix("total followers on") }) {
            // "Total followers on 10/31/2026:", then the count in the next cell.
            let label = row[0] ?? ""
            let written = label.dropFirst("total followers on".count).trimmingCharacters(in: CharacterSet(charactersIn: ": "))
            guard let day = try? date(written), let text = row[1], let followers = try? count(text, column: "followers") ?? nil
            else {
                throw CoreError.invalidWorkbook(
                    "its \(sheet.name) sheet says '\(label) \(row[1] ?? "")' on row \(row.number), not a date and a count of followers"
                )
            }
            total = (followers, day)
        }
        guard let headerIndex = sheet.rows.firstIndex(where: { isHeader($0[0] ?? "", "Date") }) else { return (total, []) }
        let header = sheet.rows[headerIndex]
        let newColumn = header.cells.first { isHeader($0.value, "New followers") }?.key ?? 1
        let days = sheet.rows[(headerIndex + 1)...].map { row in
            ImportRecord(line: row.number, fields: [row[0] ?? "", row[newColumn] ?? ""])
        }
        return (total, days)
    }

    /// A post's record as an action of `author`, with the figures the sheet
    /// gives, measured `today`. A post already logged under its other id is
    /// that action, as for `Shares.csv` (``LinkedInPost/match(_:among:)``).
    public static func draft(
        _ record: ImportRecord, author: EmailAddress, today: LocalDate, known: [CanonicalURL] = []
    ) throws -> ActionDraft {
        let field = { (index: Int) in record.fields.indices.contains(index) ? record.fields[index] : "" }
        var address = try CanonicalURL(field(0))
        switch LinkedInPost.match(address, among: known) {
        case .none: break
        case .same(let logged): address = logged
        case .ambiguous(let candidates):
            throw CoreError.ambiguousPost(address.string, candidates: candidates.map(\.string))
        }
        guard !field(1).isEmpty else { throw CoreError.emptyCell(column: postHeader[1]) }
        let day = try date(field(1))
        // LinkedIn gives engagements as one total (reactions, comments,
        // reposts and clicks together): without the split, they count as
        // reactions, the part that weighs least.
        let metrics = try MetricsUpdate(
            impressions: count(field(3), column: "impressions"), reactions: count(field(2), column: "engagements"))
        return try ActionDraft(author: author, url: address, kind: .post, date: day, metrics: metrics, today: today)
    }

    /// A day's record: the day and its new followers (none when empty).
    public static func followerChange(_ record: ImportRecord) throws -> (day: LocalDate, net: Int) {
        let field = { (index: Int) in record.fields.indices.contains(index) ? record.fields[index] : "" }
        guard !field(0).isEmpty else { throw CoreError.emptyCell(column: followerHeader[0]) }
        return (try date(field(0)), try count(field(1), column: "new followers") ?? 0)
    }

    /// A date as the export writes it (`10/31/2026`, month first), as a
    /// re-saved workbook may store it (a day number), or `2026-10-31`.
    public static func date(_ text: String) throws -> LocalDate {
        if DateOrder.isISO(text) { return try ImportCell.date(text) }
        if text.contains("/") { return try DateOrder.mdy.date(text) }
        guard let day = Workbook.date(serial: text) else { throw CoreError.invalidDate(text) }
        return day
    }

    /// A count as a workbook stores it (`1234`, `1,234` as text, or
    /// `1234.0` once re-saved); `nil` when empty.
    static func count(_ text: String, column: String) throws -> Int? {
        try ImportCell.wholeCount(
            text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ""), column: column)
    }

    private static func isHeader(_ text: String, _ name: String) -> Bool {
        ImportColumns.fold(text) == ImportColumns.fold(name)
    }
}
