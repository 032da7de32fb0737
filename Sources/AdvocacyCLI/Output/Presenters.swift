import AdvocacyCore
import AdvocacyKit
import Foundation

// How each domain value prints as a table row or as a record's fields.
// Column names are the JSON keys, so text, CSV and JSON read alike.

extension Employee {
    static func table(_ employees: [Employee]) -> Table {
        Table(
            columns: [
                .init(header: "email"), .init(header: "name", maxWidth: 30), .init(header: "team", maxWidth: 24),
                .init(header: "role"), .init(header: "hrId"), .init(header: "active"),
            ],
            rows: employees.map {
                [$0.email.value, $0.name, $0.team ?? "", $0.role.rawValue, $0.hrID ?? "", $0.isActive ? "yes" : "no"]
            })
    }

    var fields: [(String, String)] {
        [
            ("email", email.value), ("name", name), ("team", team ?? ""), ("role", role.rawValue), ("hrId", hrID ?? ""),
            ("active", isActive ? "yes" : "no"), ("createdAt", createdAt.formatted(.iso8601)),
        ]
    }
}

extension Channel {
    static func table(_ channels: [Channel]) -> Table {
        Table(
            columns: [
                .init(header: "email"), .init(header: "kind"), .init(header: "scope"), .init(header: "followers", numeric: true),
                .init(header: "followersDate"), .init(header: "url"), .init(header: "feedUrl"),
            ],
            rows: channels.map {
                [
                    $0.email.value, $0.kind.rawValue, $0.scope.rawValue, $0.followers.map(String.init) ?? "",
                    $0.followersDate?.description ?? "", $0.url.string, $0.feedURL?.string ?? "",
                ]
            })
    }

    /// "linkedin https://linkedin.com/in/jane (1,234 followers on 2026-11-21)"
    var summary: String {
        let audience = followers.map { " (\($0) followers on \(followersDate?.description ?? "?"))" } ?? ""
        return "\(kind.rawValue) \(url)\(audience)"
    }
}

extension ProjectSummary {
    static func table(_ projects: [ProjectSummary]) -> Table {
        Table(
            columns: [
                .init(header: "code"), .init(header: "name", maxWidth: 40), .init(header: "weight", numeric: true),
                .init(header: "status"), .init(header: "start"), .init(header: "end"),
                .init(header: "actions", numeric: true), .init(header: "advocates", numeric: true),
            ],
            rows: projects.map {
                [
                    $0.project.code.value, $0.project.name, String($0.project.weight), $0.project.status.rawValue,
                    $0.project.start?.description ?? "", $0.project.end?.description ?? "", String($0.actions),
                    String($0.advocates),
                ]
            })
    }

    var fields: [(String, String)] {
        [
            ("code", project.code.value), ("name", project.name), ("weight", String(project.weight)),
            ("status", project.status.rawValue), ("start", project.start?.description ?? ""),
            ("end", project.end?.description ?? ""), ("actions", String(actions)), ("advocates", String(advocates)),
        ]
    }
}

extension Action: TableRow {
    static let columns: [Table.Column] = [
        .init(header: "date", priority: 0), .init(header: "kind", priority: 2),
        .init(header: "email", priority: 3, shrinks: true),
        .init(header: "title", maxWidth: 40, priority: 0, shrinks: true), .init(header: "projects", priority: 2),
        .init(header: "review", priority: 0, colour: TerminalColour.review),
        .init(header: "reactions", numeric: true, priority: 2),
        .init(header: "comments", numeric: true, priority: 4), .init(header: "shares", numeric: true, priority: 4),
        .init(header: "impressions", numeric: true, priority: 4), .init(header: "clicks", numeric: true, priority: 4),
        .init(
            header: "figures", priority: 3,
            legend: "where the figures come from: file (a platform's export), api, feed, typed by a person, or none"),
        .init(header: "url", shrinks: true), .init(header: "reviewNote", maxWidth: 50, priority: 3, shrinks: true),
    ]

    var row: [String] {
        [
            date.description, kind.rawValue, email.value, title, projects.map(\.value).joined(separator: "|"), review.rawValue,
            String(metrics.reactions), String(metrics.comments), String(metrics.shares),
            metrics.impressions.map(String.init) ?? "", String(metrics.clicks), figureSource?.rawValue ?? "none", url.string,
            reviewNote ?? "",
        ]
    }

    /// The review queue: what a reviewer checks, the address last so it can be copied.
    static func reviewTable(_ actions: [Action]) -> Table {
        Table(
            columns: [
                .init(header: "date"), .init(header: "email"), .init(header: "kind"), .init(header: "title", maxWidth: 40),
                .init(header: "review", colour: TerminalColour.review), .init(header: "effortHours", numeric: true),
                .init(header: "reactions", numeric: true), .init(header: "impressions", numeric: true),
                .init(header: "figures"), .init(header: "url"),
            ],
            rows: actions.map { action in
                [
                    action.date.description, action.email.value, action.kind.rawValue, action.title, action.review.rawValue,
                    action.effortHours.map { NumberText.plain($0) } ?? "", String(action.metrics.reactions),
                    action.metrics.impressions.map(String.init) ?? "", action.figureSource?.rawValue ?? "none",
                    action.url.string,
                ]
            })
    }

    var fields: [(String, String)] {
        [
            ("url", url.string), ("kind", kind.rawValue), ("title", title), ("date", date.description), ("email", email.value),
            ("name", name), ("channel", channel.string), ("channelKind", channelKind.rawValue),
            ("projects", projects.map(\.value).joined(separator: "|")), ("effortHours", effortHours.map { String($0) } ?? ""),
            ("reactions", String(metrics.reactions)), ("comments", String(metrics.comments)), ("shares", String(metrics.shares)),
            ("impressions", metrics.impressions.map(String.init) ?? ""), ("clicks", String(metrics.clicks)),
            ("metricsDate", metricsDate?.description ?? ""), ("figures", figureSource?.rawValue ?? "none"),
            ("review", review.rawValue), ("reviewNote", reviewNote ?? ""), ("reviewedBy", reviewedBy?.value ?? ""),
            ("reviewedAt", reviewedAt?.formatted(.iso8601) ?? ""),
        ]
    }

    /// "article "Title" (2026-11-20) by jane@corp.fr on https://… [ERP-2027]"
    var summary: String {
        let tags = projects.isEmpty ? "" : " [" + projects.map(\.value).joined(separator: ", ") + "]"
        return "\(kind.rawValue) \"\(title)\" (\(date)) by \(email) at \(url)\(tags)"
    }
}
