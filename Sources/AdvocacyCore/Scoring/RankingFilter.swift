import Foundation

/// Who is ranked, beyond the period.
public struct RankingFilter: Hashable, Sendable, Encodable {
    public var team: String?
    public var project: ProjectCode?
    public var channelKind: ChannelKind?
    public var tier: AudienceTier?

    public init(team: String? = nil, project: ProjectCode? = nil, channelKind: ChannelKind? = nil, tier: AudienceTier? = nil) {
        self.team = team
        self.project = project
        self.channelKind = channelKind
        self.tier = tier
    }
}

/// What `rank --by` groups people's work by, besides teams: the projects
/// it is tagged with, or the kinds of channel it was published on.
public enum RankingGroup: String, CaseIterable, Sendable {
    case project, channel
}
