import AdvocacyCore
import ArgumentParser

/// `--period P` or `--from D [--to D]`, read as one ``Period``.
struct PeriodOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("A quarter (2026-Q3), month (2026-11), year (2026) or FROM..TO.", valueName: "period"),
        completion: Completions.periods, transform: Parse.period)
    var period: Period?

    @Option(
        help: ArgumentHelp("First day, YYYY-MM-DD (with --to, or alone for up to today).", valueName: "date"),
        transform: Parse.date)
    var from: LocalDate?

    @Option(help: ArgumentHelp("Last day, YYYY-MM-DD (needs --from).", valueName: "date"), transform: Parse.date)
    var to: LocalDate?

    func validate() throws {
        if period != nil && (from != nil || to != nil) {
            throw ValidationError("give either --period or --from/--to, not both")
        }
        if to != nil && from == nil { throw ValidationError("--to needs --from: give the first day of the range too") }
        if let from, let to, to < from {
            throw ValidationError("--to \(to) is before --from \(from): expected the range to end on or after its start")
        }
    }

    /// The chosen period, if any; `--from` alone runs to `today` (or to itself when later).
    func resolve(today: LocalDate) throws -> Period? {
        if let period { return period }
        guard let from else { return nil }
        return try Period.between(from, to ?? max(from, today))
    }
}
