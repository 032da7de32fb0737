import Foundation

/// Everything the pure domain layer can refuse.
///
/// Each message names the offending value and says what was expected, so a
/// command can print it as is. ``expectation`` is the same advice without the
/// value, for callers (such as argument parsers) that already quote the value.
public enum CoreError: Error, Equatable, Sendable {
    case invalidEmail(String)
    case invalidDate(String)
    case invalidPeriod(String)
    case invalidRange(from: LocalDate, to: LocalDate)
    case invalidURL(String, reason: String)
    case invalidHandle(String)
    case invalidProjectCode(String)
    case invalidWeight(Int)
    case invalidCount(name: String, value: Int)
    case invalidEffort(Double)
    case emptyText(field: String)
    case textTooLong(field: String, limit: Int)
    /// Text holding a control character (NUL, ESC, BEL, DEL, a C1 control…), given as its code point.
    case controlCharacter(field: String, codePoint: UInt32)
    /// Text holding a bidi control or an invisible character its field refuses (``TextField/Rule``), given as its code point.
    case hiddenCharacter(field: String, codePoint: UInt32)
    /// An email address holding an invisible or format character (U+200B, U+202E…), given as its code point.
    case invisibleInEmail(String, codePoint: UInt32)
    /// An email address written with compatibility forms (fullwidth letters, ligatures); `plain` is its usual spelling.
    case compatibilityEmail(String, plain: String)
    /// An email address whose local part or a domain label (`part`) mixes scripts, such as Latin
    /// and Cyrillic; `letter` describes the first letter out of the part's main script.
    case mixedScriptEmail(String, part: String, scripts: [String], letter: String)
    /// An email address that looks like `existing` (the same UTS #39 skeleton) without being it:
    /// `line` is the earlier line of the same file that gives `existing`, nil when it is registered;
    /// `letter` describes a letter that may be the look-alike, when one is not ASCII.
    case lookalikeEmail(String, existing: EmailAddress, line: Int?, letter: String?)
    case unknownValue(String, field: String, allowed: [String])
    case futureDate(LocalDate, today: LocalDate)
    case permissionDenied(actor: String, role: Role, operation: String, needed: String)
    case inactiveActor(String)
    case invalidPolicy(key: String, problem: String)
    case invalidPolicyFile(format: String, detail: String)
    /// A policy version that was never set; `newest` is the one in force.
    case unknownPolicyVersion(Int, newest: Int)
    /// A reviewer deciding on an action of their own.
    case ownWorkReview(url: String)
    /// Someone deciding on their own reward or clearance.
    case ownCase(subject: String)
    /// A reviewer clearing or confirming a flag on their own work.
    case ownFlagReview(flag: String)
    /// A flag to clear or confirm that the person does not have (or has no longer) in the period.
    case noSuchFlag(person: String, flag: String, period: String)
    /// A team in a filter that no one of the programme is in, with the nearest teams' names.
    case unknownTeam(String, nearest: [String])
    /// `action update` with nothing to change.
    case nothingToUpdate(url: String)
    /// An author removing an action a reviewer rejected, which could then be logged again as new.
    case rejectedActionStays(url: String)
    case periodNotStarted(period: String, today: LocalDate)
    case invalidRewardCode(String)
    case invalidAmount(String)
    case invalidDelimiter(String)
    /// `line` and `column` (1-based, in Unicode scalars from the start of the line) point at the offending byte.
    case invalidCSV(line: Int, column: Int, problem: CSVProblem)
    /// A file that could not be opened or read; `reason` is the system's, like "No such file or directory".
    case unreadableFile(path: String, reason: String)
    case missingColumns([String], found: [String])
    case duplicateColumn(String)
    case emptyCell(column: String)
    case invalidNumber(String, column: String)
    /// A count written with a fraction (`1.5`), in a file whose counts may carry `.0`.
    case fractionalCount(String, column: String)
    /// A file whose dates could be day-first or month-first throughout (`05/10/2026`).
    case ambiguousDateOrder(line: Int, text: String)
    /// A file with dates that can only be day-first and others only month-first, each given as "line N: text".
    case mixedDateOrders(dayFirst: String, monthFirst: String)
    /// A date like `31/10/2026` in a file read without a date order.
    case dateNeedsOrder(String)
    /// A LinkedIn post that could be any of several already logged (made within seconds of each other).
    case ambiguousPost(String, candidates: [String])
    /// An archive (Mastodon's outbox.json) that cannot be read as one; the reason says what it is instead.
    case invalidArchive(String)
    /// An answer of a platform's API that is not what the API gives; the reason says what was asked.
    case invalidAPIAnswer(String)
    /// An Excel workbook that cannot be read, or is not the export it is given as; the reason says why.
    case invalidWorkbook(String)
    /// A programme setting's value that cannot be used.
    case invalidSetting(key: String, problem: String)
    /// A feed or profile address that resolves to an internal address an admin did not allow.
    case internalAddress(url: String, address: String)
    /// A file whose header is none of the shapes an importer reads; `expected` describes each.
    case unknownExport(found: [String], expected: [String])
    case incompleteFeedEntry(missing: String)
    case invalidFeed(line: Int, reason: String)
    /// A retention period for `privacy purge` that is unreadable or shorter than a month.
    case invalidRetention(String)

    /// What a valid value looks like, without repeating the value itself.
    public var expectation: String {
        switch self {
        case .invalidEmail: "expected an email address like jane.doe@example.com"
        case .invalidDate: "expected a date as YYYY-MM-DD, like 2026-11-21"
        case .invalidPeriod:
            "expected a period like 2026-Q3 (quarter), 2026-11 (month), 2026 (year) or 2026-09-01..2026-11-30"
        case .invalidRange: "expected the start date to be on or before the end date"
        case .invalidURL(_, let reason): "\(reason): expected an http(s) address like https://blog.example.com/post"
        case .invalidHandle: "expected @handle (X) or @user@instance (Mastodon)"
        case .invalidProjectCode:
            "expected a project code of 2–32 letters, digits, '-', '_' or '.', starting with a letter, like ERP-2027"
        case .invalidRewardCode:
            "expected a reward code of 2–32 letters, digits, '-', '_' or '.', starting with a letter, like CERT-AWS"
        case .invalidAmount:
            "expected an amount like 380 or 380.50 (up to 100,000,000, at most two decimals, no thousands separator)"
        case .invalidWeight: "expected a strategic weight of 1, 2 or 3"
        case .invalidCount: "expected a whole number of 0 or more"
        case .invalidEffort: "expected effort hours above 0 and at most 200, like 1.5"
        case .emptyText: "expected some text"
        case .textTooLong(_, let limit): "expected at most \(limit) characters"
        case .controlCharacter: "expected text without control characters such as NUL or ESC (tabs and line breaks become spaces)"
        case .hiddenCharacter(_, let codePoint):
            if HiddenCharacter.isReordering(Unicode.Scalar(codePoint) ?? " ") {
                "expected text without the controls that show it in another order than it is stored (U+202A–U+202E, U+2066–U+2069): type it rather than paste it"
            } else if HiddenCharacter.isBidiControl(Unicode.Scalar(codePoint) ?? " ") {
                "expected a name without bidi controls (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069): type it rather than paste it"
            } else {
                "expected a name of visible characters (the joiners U+200C and U+200D are kept): type it rather than paste it"
            }
        case .invisibleInEmail(_, let codePoint):
            "it holds the invisible character \(HiddenCharacter.codePoint(codePoint)): expected an address of visible characters only, like jane.doe@example.com (type it rather than paste it)"
        case .compatibilityEmail(_, let plain):
            "it uses compatibility forms such as fullwidth letters: expected its usual spelling, \(plain)"
        case .mixedScriptEmail(_, let part, let scripts, let letter):
            "'\(HiddenCharacter.shown(part))' mixes \(WordList.and(scripts)) letters: expected each part of an address in one script (check for look-alike letters, such as \(letter))"
        case .lookalikeEmail(_, _, _, let letter):
            "expected a distinct address (check the spelling for look-alike letters, such as \(letter ?? "rn for m or 1 for l"))"
        case .unknownValue(_, _, let allowed): "expected one of \(allowed.joined(separator: ", "))"
        case .futureDate(_, let today): "expected a date on or before today (\(today))"
        case .permissionDenied(_, _, _, let needed): "this needs \(needed)"
        case .inactiveActor: "ask an admin to reactivate the account with 'employee update EMAIL --active'"
        case .periodNotStarted(_, let today): "expected a period that has started by today (\(today)), like the current quarter"
        case .invalidPolicy, .invalidPolicyFile:
            "start from the current policy ('advocacy policy show --format toml > policy.toml'); nothing was changed"
        case .ownWorkReview, .ownFlagReview: "another cio or admin reviews it, since no one decides on their own work"
        case .ownCase:
            "someone else who may decides it, since no one decides their own case (an admin, with a note, when no one else holds the role)"
        case .noSuchFlag(_, _, let period):
            "expected a flag that 'advocacy rank --period \(period)' shows for them (cleared flags and rejected actions raise none)"
        case .rejectedActionStays: "it stays, counting for nothing, so that it is not logged again as new; an admin may remove it"
        case .unknownTeam(_, let nearest):
            NearestNames.suggestion(nearest) + "'advocacy employee list' shows each person's team"
        case .nothingToUpdate: "expected at least one of --title, --project, --date, --effort or --kind"
        case .unknownPolicyVersion(_, let newest):
            newest == 1
                ? "expected 1, the only version so far ('advocacy policy history' lists it)"
                : "expected a version from 1 to \(newest) ('advocacy policy history' lists them)"
        case .invalidDelimiter: "expected one of ',', ';', '|' or a tab (typed as 'tab' or '\\t')"
        case .invalidCSV(_, _, let problem): problem.expectation
        case .unreadableFile: "expected the path of a readable file (check the name, and that it is a file, not a folder)"
        case .missingColumns(let missing, _):
            "expected a header line naming \(missing.count == 1 ? "this column" : "these columns") (any case or accents; see docs/import.md)"
        case .duplicateColumn: "expected each column once in the header line"
        case .emptyCell: "expected a value in every row of this column"
        case .invalidNumber: "expected a number like 12 (empty or - when unknown)"
        case .fractionalCount: "expected a whole number, like 424 or 424.0 (empty or - when unknown)"
        case .ambiguousPost:
            "it was not merged with either: log it by hand under the address of the one it is, or remove the one it is not"
        case .invalidArchive: "give the outbox.json from the account's archive (Preferences, Import and export)"
        case .invalidAPIAnswer:
            "expected the public API of a Mastodon instance: check that the profile's address is on a Mastodon server"
        case .invalidWorkbook:
            "give the workbook LinkedIn's creator analytics export writes (Analytics, Content, Export), with its TOP POSTS and FOLLOWERS sheets"
        case .invalidSetting: "see 'advocacy settings show' for every setting and what it takes; nothing was changed"
        case .internalAddress:
            "expected a public address; an admin may allow an intranet host with 'advocacy settings set fetch.allowed-hosts HOST'"
        case .ambiguousDateOrder:
            "say how the file writes them with --date-order dmy (31/10/2026, day first) or --date-order mdy (10/31/2026, month first)"
        case .mixedDateOrders:
            "expected one order for every date of a file: correct those lines, or save the file again from one spreadsheet"
        case .dateNeedsOrder:
            "expected a date as YYYY-MM-DD, or the file's order given with --date-order dmy (31/10/2026), mdy (10/31/2026) or ymd (2026/10/31)"
        case .unknownExport(_, let expected): "expected \(WordList.or(expected))"
        case .incompleteFeedEntry: "expected every entry to have a link and a published or updated date"
        case .invalidFeed(_, let reason):
            "\(reason): expected an RSS 2.0 or Atom document, as a blog publishes at /feed or /atom.xml"
        case .invalidRetention: "expected a period of at least a month, in months (24m), days (730d) or years (2y)"
        }
    }
}

extension CoreError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .invalidEmail(let value): "'\(value)' is not an email address: \(expectation)"
        case .invalidDate(let value): "'\(value)' is not a date: \(expectation)"
        case .invalidPeriod(let value): "'\(value)' is not a period: \(expectation)"
        case .invalidRange(let from, let to): "the range \(from) to \(to) ends before it starts: \(expectation)"
        case .invalidURL(let value, _): "'\(value)' is not a usable web address: \(expectation)"
        case .invalidHandle(let value): "'\(value)' is not a handle: \(expectation)"
        case .invalidProjectCode(let value): "'\(value)' is not a project code: \(expectation)"
        case .invalidRewardCode(let value): "'\(value)' is not a reward code: \(expectation)"
        case .invalidAmount(let value): "'\(value)' is not an amount: \(expectation)"
        case .invalidWeight(let value): "strategic weight \(value) is out of range: \(expectation)"
        case .invalidCount(let name, let value): "\(name) \(value) is not a valid count: \(expectation)"
        case .invalidEffort(let value): "effort \(value) hours is out of range: \(expectation)"
        case .emptyText(let field): "the \(field) is empty: \(expectation)"
        case .textTooLong(let field, _): "the \(field) is too long: \(expectation)"
        case .controlCharacter(let field, let codePoint):
            "the \(field) holds the control character U+\(String(format: "%04X", codePoint)): \(expectation)"
        case .hiddenCharacter(let field, let codePoint):
            HiddenCharacter.isBidiControl(Unicode.Scalar(codePoint) ?? " ")
                ? "the \(field) holds the bidi control \(HiddenCharacter.codePoint(codePoint)): \(expectation)"
                : "the \(field) holds the invisible character \(HiddenCharacter.codePoint(codePoint)): \(expectation)"
        case .invisibleInEmail(let value, _), .compatibilityEmail(let value, _), .mixedScriptEmail(let value, _, _, _):
            "'\(HiddenCharacter.shown(value))' is not an email address as written: \(expectation)"
        case .lookalikeEmail(let value, let existing, let line, _):
            "\(HiddenCharacter.shown(value)) looks like \(existing), "
                + (line.map { "given on line \($0) of this file" } ?? "who is already in the programme") + ": \(expectation)"
        case .unknownValue(let value, let field, _): "'\(value)' is not a known \(field): \(expectation)"
        case .futureDate(let date, _): "\(date) is in the future: \(expectation)"
        case .permissionDenied(let actor, let role, let operation, _):
            "\(actor) (\(role.rawValue)) may not \(operation): \(expectation)"
        case .inactiveActor(let email): "\(email) is deactivated and may not make changes: \(expectation)"
        case .invalidPolicy(let key, let problem): "policy key '\(key)' \(problem)"
        case .invalidPolicyFile(let format, let detail): "the policy file is not valid \(format): \(detail)"
        case .unknownPolicyVersion(let version, _): "there is no policy version \(version): \(expectation)"
        case .ownWorkReview(let url): "\(url) is your own work: \(expectation)"
        case .ownFlagReview(let flag): "the \(flag) flag is on your own work: \(expectation)"
        case .ownCase(let subject): "\(subject) is your own: \(expectation)"
        case .noSuchFlag(let person, let flag, let period): "\(person) has no \(flag) flag in \(period): \(expectation)"
        case .unknownTeam(let team, _): "no one is in a team named '\(team)': \(expectation)"
        case .nothingToUpdate(let url): "nothing to change in \(url): \(expectation)"
        case .rejectedActionStays(let url): "\(url) was rejected in review: \(expectation)"
        case .periodNotStarted(let period, _): "the period \(period) has not started yet: \(expectation)"
        case .invalidDelimiter(let value): "'\(value)' is not a CSV delimiter: \(expectation)"
        case .invalidCSV(let line, let column, let problem):
            "CSV line \(line), column \(column): \(problem.description): \(expectation)"
        case .unreadableFile(let path, let reason): "cannot read '\(path)': \(reason): \(expectation)"
        case .missingColumns(let missing, let found):
            "the file has no \(missing.joined(separator: ", ")) column\(missing.count == 1 ? "" : "s") (its header is \(found.joined(separator: ", "))): \(expectation)"
        case .duplicateColumn(let column): "the header names the \(column) column twice: \(expectation)"
        case .emptyCell(let column): "the \(column) is empty: \(expectation)"
        case .invalidNumber(let value, let column): "'\(value)' is not a number of \(column): \(expectation)"
        case .ambiguousDateOrder(let line, let text):
            "the dates of this file could be day first or month first (the first is '\(text)', line \(line)): \(expectation)"
        case .mixedDateOrders(let dayFirst, let monthFirst):
            "some dates of this file can only be day first (\(dayFirst)) and others only month first (\(monthFirst)): \(expectation)"
        case .dateNeedsOrder(let value): "'\(value)' is not a date this file's order reads: \(expectation)"
        case .ambiguousPost(let url, let candidates):
            "\(url) could be any of \(WordList.or(candidates)), made within seconds of it: \(expectation)"
        case .invalidArchive(let reason): "the archive cannot be read: \(reason): \(expectation)"
        case .invalidAPIAnswer(let reason): "\(reason): \(expectation)"
        case .invalidWorkbook(let reason): "the workbook cannot be read: \(reason): \(expectation)"
        case .invalidSetting(let key, let problem): "setting \(key): \(problem): \(expectation)"
        case .internalAddress(let url, let address):
            "\(url) leads to \(address), an internal address the programme does not fetch from: \(expectation)"
        case .fractionalCount(let value, let column):
            "'\(value)' is not a whole number of \(column), so it cannot be a count: \(expectation)"
        case .unknownExport(let found, _):
            "the file's header (\(found.joined(separator: ", "))) is not one this import reads: \(expectation)"
        case .incompleteFeedEntry(let missing): "the entry has no \(missing): \(expectation)"
        case .invalidFeed(let line, _): "the feed is not valid RSS or Atom (line \(line)): \(expectation)"
        case .invalidRetention(let value): "'\(value)' is not a retention period: \(expectation)"
        }
    }
}
