/// People who asked not to appear by name in others' rankings
/// (`privacy hide`): an opt-out from the leaderboard, not from the programme.
///
/// Their rank stays (the ranking and the team averages must be the same for
/// every viewer); their name becomes "(hidden)" and their email `hidden-N`,
/// numbered by first appearance in what one viewer is shown, so the
/// placeholder cannot be followed from one ranking to another. The cio and
/// admins still see their team, tier and figures, which reviewing and
/// settling flags need; a colleague on staff sees a placeholder row with the
/// rank alone (``ScoredPerson/isPlaceholder``), and nothing of them in the
/// other listings (docs/privacy.md).
public enum HiddenPeople {
    /// The name shown in place of a hidden person's.
    public static let name = "(hidden)"

    /// Below this many people, a team's average shows staff no per-member
    /// detail: with two members, one's own score and the average give the other's.
    public static let smallTeam = 5

    /// Whether `viewer` sees the name of hidden `person`: the person
    /// themself, and HR, who decide rewards by name.
    public static func seesName(of person: EmailAddress, viewer: Actor) -> Bool {
        viewer.email == person || viewer.role == .hr
    }

    /// `lists` (one ranking, or a period and the one it is compared with) as
    /// `viewer` may see them. The same hidden person has the same
    /// placeholder in every list, so comparisons between them still match.
    public static func mask(_ lists: [[PersonScore]], hidden: Set<EmailAddress>, viewer: Actor) -> [[PersonScore]] {
        guard !hidden.isEmpty else { return lists }
        var labels: [EmailAddress: EmailAddress] = [:]
        return lists.map { list in
            list.map { score in
                guard hidden.contains(score.person.email), !seesName(of: score.person.email, viewer: viewer) else { return score }
                let label = labels[score.person.email] ?? EmailAddress(alreadyValid: "hidden-\(labels.count + 1)")
                labels[score.person.email] = label
                var masked = score
                masked.person.name = name
                masked.person.email = label
                masked.person.isMasked = true
                masked.person.isPlaceholder = viewer.role == .staff
                masked.flags = masked.person.isPlaceholder ? [] : score.flags.map(withoutDetail)
                return masked
            }
        }
    }

    /// A hidden person's flag, without what would point at them: a channel's
    /// address, a post's title or figures, the days of their work.
    public static func withoutDetail(_ flag: AuthenticityFlag) -> AuthenticityFlag {
        var masked = flag
        masked.spikes = []
        masked.actionIDs = []
        let cost =
            flag.kind.isGaming
            ? AuthenticityFlag.noEffectUntilConfirmed.dropFirst(2)
            : "it counts ×\(NumberText.plain(flag.multiplier))"
        let what = flag.kind == .followerSpike ? "their followers" : PersonScoreBuilder.count(flag.actions, "action")
        masked.reason = "\(flag.kind.rawValue) on \(what), its details hidden with the person (privacy hide); \(cost)"
        return masked
    }
}
