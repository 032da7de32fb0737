/// When work looks gamed: the `[gaming]` section of the policy. Its flags
/// are information for the cio, who clears or confirms each one; until
/// confirmed, a flag changes no score. docs/scoring.md, section 4.
public struct GamingPolicy: Hashable, Sendable {
    /// An action whose engagement rate is at least this many times its
    /// tier's norm (the band's midpoint) is flagged: an order of magnitude,
    /// since a post that takes off reaches a few times the norm, and the
    /// benchmark's million generated actions flagged one person in three at 5.
    public var highRateTimesNorm: Double
    /// This many actions or more on one day are flagged.
    public var actionsInADay: Int
    /// This many actions or more without figures, awaiting review, within
    /// `linksWithoutFiguresDays` days are flagged.
    public var linksWithoutFigures: Int
    public var linksWithoutFiguresDays: Int
    /// A score that rose by at least this many points since the previous
    /// period, more than half of them from work awaiting review, is flagged.
    public var riseMinPoints: Double

    public static let standard = GamingPolicy(
        highRateTimesNorm: 10, actionsInADay: 6, linksWithoutFigures: 5, linksWithoutFiguresDays: 30, riseMinPoints: 3)
}

// MARK: - The document form

extension GamingPolicy {
    static let keys = ["highRateTimesNorm", "actionsInADay", "linksWithoutFigures", "linksWithoutFiguresDays", "riseMinPoints"]

    var document: PolicyValue {
        .table([
            ("highRateTimesNorm", .number(highRateTimesNorm)),
            ("actionsInADay", .number(Double(actionsInADay))),
            ("linksWithoutFigures", .number(Double(linksWithoutFigures))),
            ("linksWithoutFiguresDays", .number(Double(linksWithoutFiguresDays))),
            ("riseMinPoints", .number(riseMinPoints)),
        ])
    }

    static let documentComment = """
        Flags for gaming (see docs/scoring.md, section 4): information for the cio, who clears or confirms each \
        with 'advocacy review clear|confirm'; a flag changes no score until confirmed (confirming rejects its actions).
        Flagged: an engagement rate of highRateTimesNorm times the tier's norm or more; actionsInADay actions on one day; \
        linksWithoutFigures actions without figures awaiting review within linksWithoutFiguresDays days;
        a rise of riseMinPoints points or more since the previous period, more than half of it from work awaiting review.
        """

    /// Reads the section; versions stored before it existed lack it and take the defaults.
    init(reading reader: DocumentReader) throws {
        self = .standard
        guard reader.contains("gaming") else { return }
        let gaming = try reader.table("gaming", keys: Self.keys)
        highRateTimesNorm = try gaming.number("highRateTimesNorm", in: 1...1_000)
        actionsInADay = try gaming.whole("actionsInADay", in: 2...10_000)
        linksWithoutFigures = try gaming.whole("linksWithoutFigures", in: 2...10_000)
        linksWithoutFiguresDays = try gaming.whole("linksWithoutFiguresDays", in: 1...366)
        riseMinPoints = try gaming.number("riseMinPoints", in: 0.1...100)
    }
}
