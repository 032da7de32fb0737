import Foundation

/// A progress line on standard error for long imports: rows, rows per
/// second, how far through the file, and the time left.
///
/// Drawn only when standard error is a terminal and the work has run for
/// more than a second, so scripts, logs and quick imports see nothing.
final class ProgressLine {
    private let output: any TextOutput
    private let unit: String
    private let total: Int?
    private let start: Date
    private let now: () -> Date
    private let enabled: Bool
    private var lastDrawn: Date?

    /// A line counting `unit`s, `total` being what `done` runs up to (bytes
    /// of a file, or the units themselves) when known.
    init(unit: String, total: Int?, context: CommandContext) {
        output = context.standardError
        self.unit = unit
        self.total = total
        now = context.now
        start = context.now()
        enabled = context.standardError.isTerminal
    }

    /// `count` units are done, and `done` of the total (of `total` when
    /// given here, for a total learnt late).
    func update(count: Int, done: Int, of total: Int? = nil) {
        let total = total ?? self.total
        guard enabled else { return }
        let moment = now()
        let elapsed = moment.timeIntervalSince(start)
        guard elapsed >= 1, lastDrawn.map({ moment.timeIntervalSince($0) >= 0.25 }) ?? true else { return }
        lastDrawn = moment
        output.write("\r\u{1B}[K" + Self.line(count: count, unit: unit, elapsed: elapsed, done: done, total: total))
    }

    /// Clears the line, if one was drawn.
    func finish() {
        if lastDrawn != nil { output.write("\r\u{1B}[K") }
    }

    static func line(count: Int, unit: String, elapsed: TimeInterval, done: Int, total: Int?) -> String {
        let rate = Double(count) / max(elapsed, 0.001)
        var parts = ["\(count.formatted()) \(unit)", "\(Int(rate).formatted()) \(unit)/s"]
        if let total, total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            parts.append("\(Int(fraction * 100))%")
            if fraction > 0 { parts.append("about \(Int((elapsed / fraction - elapsed).rounded(.up))) s left") }
        }
        return parts.joined(separator: " · ")
    }
}
