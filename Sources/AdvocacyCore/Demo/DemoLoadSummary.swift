import Foundation

/// What the demo loaded.
public struct DemoLoadSummary: Codable, Equatable, Sendable {
    public var employees: Int
    public var teams: [String]
    public var channels: Int
    public var followerSnapshots: Int
    public var projects: Int
    public var actions: Int
    public var metricsSnapshots: Int
    public var actionsByKind: [String: Int]
    public var peopleByTier: [String: Int]
    public var admin: EmailAddress
    public var cio: EmailAddress
    public var hr: EmailAddress
    public var suspiciousChannels: [CanonicalURL]
    public var period: Period

    package init(
        employees: Int, teams: [String], channels: Int, followerSnapshots: Int, projects: Int, actions: Int,
        metricsSnapshots: Int, actionsByKind: [String: Int], peopleByTier: [String: Int], admin: EmailAddress, cio: EmailAddress,
        hr: EmailAddress, suspiciousChannels: [CanonicalURL], period: Period
    ) {
        self.employees = employees
        self.teams = teams
        self.channels = channels
        self.followerSnapshots = followerSnapshots
        self.projects = projects
        self.actions = actions
        self.metricsSnapshots = metricsSnapshots
        self.actionsByKind = actionsByKind
        self.peopleByTier = peopleByTier
        self.admin = admin
        self.cio = cio
        self.hr = hr
        self.suspiciousChannels = suspiciousChannels
        self.period = period
    }
}
