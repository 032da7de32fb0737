import AdvocacyCore

extension PersonScore {
    /// The score without what depends on how its actions were numbered (by
    /// a store, or by their order in a pure function's input) and without
    /// the rise flag, which only a ranking that also scores the previous
    /// period raises: what two ways of scoring the same actions must agree on.
    public var comparable: PersonScore {
        var score = self
        score.sameDayAndChannel = SameDayCopies()
        score.flags = score.flags.filter { $0.kind != .riseOnPending }.map { flag in
            var flag = flag
            flag.actionIDs = []
            return flag
        }
        return score
    }
}
