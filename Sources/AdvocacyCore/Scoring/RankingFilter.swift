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
