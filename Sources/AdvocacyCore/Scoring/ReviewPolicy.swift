/// What unchecked work counts for, and which figures need no check: the
/// `[review]` section of the policy. docs/scoring.md gives a worked example.
public struct ReviewPolicy: Hashable, Sendable {
    /// Figures from these sources are accepted as they arrive: a platform's
    /// export file or API is the platform's word, not the person's.
    public var autoAccept: Set<FigureSource>
    /// The quality of a pending action without figures: below the norm
    /// (1), since nothing shows it reached anyone.
    public var pendingQualityWithoutFigures: Double
    /// The highest quality of a pending action's figures, as a multiple of its tier's norm.
    public var pendingQualityCap: Double
    /// Pending work counts for at most this many aligned hours a
    /// week of the period, all pending actions together: what a burst of
    /// unchecked links can add is bounded.
    public var pendingHoursPerWeek: Double

    public static let standard = ReviewPolicy(
        autoAccept: [.file, .api], pendingQualityWithoutFigures: 0.5, pendingQualityCap: 1, pendingHoursPerWeek: 0.25)

    /// Whether figures from `source` make a new action, or one awaiting review, accepted.
    public func accepts(_ source: FigureSource) -> Bool { autoAccept.contains(source) }

    /// The status of a new action: accepted when its figures come from a
    /// trusted source, pending otherwise (typed figures, or none).
    public func status(ofNewActionWithFigures source: FigureSource?) -> ReviewStatus {
        source.map(accepts) == true ? .accepted : .pending
    }

    /// The status of an action after new figures from `source`: trusted
    /// figures settle a pending or accepted action; typed ones send it back
    /// to review; a rejected action stays rejected.
    public func status(after current: ReviewStatus, figuresFrom source: FigureSource) -> ReviewStatus {
        if current == .rejected { return .rejected }
        return accepts(source) ? .accepted : .pending
    }
}

// MARK: - The document form

extension ReviewPolicy {
    static let keys = ["autoAccept", "pendingQualityWithoutFigures", "pendingQualityCap", "pendingHoursPerWeek"]

    /// The sources that may be accepted without a check, in the order a file lists them.
    static let trustable: [FigureSource] = [.file, .api]

    var document: PolicyValue {
        .table([
            ("autoAccept", .array(Self.trustable.filter(autoAccept.contains).map { .string($0.rawValue) })),
            ("pendingQualityWithoutFigures", .number(pendingQualityWithoutFigures)),
            ("pendingQualityCap", .number(pendingQualityCap)),
            ("pendingHoursPerWeek", .number(pendingHoursPerWeek)),
        ])
    }

    static let documentComment = """
        Work awaiting review (see docs/scoring.md, section 3.9): figures from the sources in autoAccept ("file", "api") \
        are accepted as they arrive.
        Until accepted, an action without figures has quality pendingQualityWithoutFigures, typed figures at most \
        pendingQualityCap, typed effort at most its kind's default,
        all pending work together at most pendingHoursPerWeek aligned hours a week, and no pending action \
        makes a week active.
        """

    /// Reads the section; versions stored before it existed lack it and take the defaults.
    init(reading reader: DocumentReader, qualityCap: Double) throws {
        self = .standard
        guard reader.contains("review") else { return }
        let review = try reader.table("review", keys: Self.keys)
        let expected = "a list of \"file\" and \"api\", like [\"file\", \"api\"]"
        let value = try review.value("autoAccept", expected: expected)
        guard case .array(let items) = value else {
            throw CoreError.invalidPolicy(key: review.name("autoAccept"), problem: "is \(value.typeName): expected \(expected)")
        }
        autoAccept = []
        for item in items {
            guard case .string(let text) = item, let source = FigureSource(rawValue: text), Self.trustable.contains(source)
            else {
                throw CoreError.invalidPolicy(
                    key: review.name("autoAccept"), problem: "holds \(item.renderInline()): expected \(expected)")
            }
            autoAccept.insert(source)
        }
        pendingQualityWithoutFigures = try review.number("pendingQualityWithoutFigures", in: 0...1)
        pendingQualityCap = try review.number("pendingQualityCap", in: 0...max(qualityCap, 1))
        pendingHoursPerWeek = try review.number("pendingHoursPerWeek", in: 0...1_000)
    }
}
