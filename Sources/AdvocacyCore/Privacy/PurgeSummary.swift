import Foundation

/// What `privacy purge` removed (or, in a dry run, would remove).
public struct PurgeSummary: Hashable, Sendable, Encodable {
    public var olderThan: String
    /// The first day kept: actions published and counts taken before it go.
    public var cutoff: LocalDate
    public var actions: Int
    public var metricsSnapshots: Int
    public var projectLinks: Int
    public var followerSnapshots: Int
    public var dryRun: Bool

    package init(
        olderThan: String, cutoff: LocalDate, actions: Int, metricsSnapshots: Int, projectLinks: Int, followerSnapshots: Int,
        dryRun: Bool
    ) {
        self.olderThan = olderThan
        self.cutoff = cutoff
        self.actions = actions
        self.metricsSnapshots = metricsSnapshots
        self.projectLinks = projectLinks
        self.followerSnapshots = followerSnapshots
        self.dryRun = dryRun
    }
}
