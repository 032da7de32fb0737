import AdvocacyCore

/// The review statuses `review list --status` and `GET /api/v1/review?status=` take.
public enum ReviewStatusChoice: String, CaseIterable, Sendable {
    case pending, accepted
    case partlyAccepted = "partly-accepted"
    case rejected, all
}

/// Where an action's figures came from, as `review list --figures` and
/// the API's `figures` name it: a source, or none.
public enum FiguresChoice: String, CaseIterable, Sendable {
    case typed, file, api, feed, none

    public var filter: ActionFilter.FiguresFilter {
        switch self {
        case .typed: .from(.typed)
        case .file: .from(.file)
        case .api: .from(.api)
        case .feed: .from(.feed)
        case .none: .none
        }
    }
}
