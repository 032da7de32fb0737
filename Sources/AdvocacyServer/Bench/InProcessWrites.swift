import AdvocacyCore
import AdvocacyKit
import Foundation

/// The reference `scripts/bench-serve.sh` measures the API's writes against:
/// the writes its write burst makes through `POST /api/v1/actions` and
/// `POST /api/v1/actions/metrics`, made here in-process through the same
/// ``ProgrammeAccess`` thread pool by as many tasks at once, with no HTTP,
/// JSON or sign-in in between. Reached through advocacy-server's hidden
/// `--bench-writes` option; not part of the product.
public enum InProcessWrites {
    /// The address of a person's `index`th benchmark post: a blog of their
    /// own, which the first post creates as their channel. The script makes
    /// the same addresses (`blog-` and the email's local part, dots as dashes).
    public static func url(for person: EmailAddress, tag: String, index: Int) -> String {
        let local = person.value.prefix { $0 != "@" }.replacingOccurrences(of: ".", with: "-")
        return "https://blog-\(local).bench.example/\(tag)-\(index)"
    }

    /// Makes `writes` writes with `concurrency` tasks, task `t` writing as
    /// the people at `t`, `t + concurrency`... in turn: a new post with 3
    /// reactions about `project`, then new figures for it (reactions 5), and
    /// so on. Returns the seconds it took from the first write to the last.
    public static func run(
        programme: Programme, people emails: [String], project code: String, writes: Int, concurrency: Int, tag: String
    ) async throws -> Double {
        let people = try emails.map { try EmailAddress($0) }
        let project = try ProjectCode(code)
        guard !people.isEmpty else { return 0 }
        let access = ProgrammeAccess(programme)
        let today = LocalDate(Date(), in: programme.timeZone)
        let tasks = max(1, min(concurrency, people.count))
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                let mine = stride(from: task, to: people.count, by: tasks).map { people[$0] }
                let count = writes / tasks + (task < writes % tasks ? 1 : 0)
                group.addTask {
                    var logged: CanonicalURL?
                    for index in 0..<count {
                        let person = mine[(index / 2) % mine.count]
                        if index % 2 == 1, let url = logged {
                            _ = try await access.run {
                                try $0.recordMetrics(url, try MetricsUpdate(reactions: 5), on: today, by: person)
                            }
                        } else {
                            let url = try CanonicalURL(Self.url(for: person, tag: "\(tag)-\(task)", index: index))
                            let draft = try ActionDraft(
                                author: person, url: url, title: "Bench post \(index)", date: today, projects: [project],
                                metrics: try MetricsUpdate(reactions: 3), today: today)
                            _ = try await access.run { try $0.logAction(draft, by: person) }
                            logged = url
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
