import AdvocacyCore
import Foundation

/// What the application layer refuses: sources it cannot read as a whole.
/// Each message names the file or address and says what was expected.
public enum KitError: Error, Equatable, Sendable {
    /// A file or address that cannot be read at all.
    case unreadableSource(String, reason: String)
    /// A source read but not importable as a whole (not CSV, no header, missing columns, not a feed).
    case invalidImportSource(String, reason: String)
}

extension KitError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .unreadableSource(let source, let reason): "cannot read '\(source)': \(reason)"
        case .invalidImportSource(let source, let reason): "\(source): \(reason); nothing was imported"
        }
    }
}

extension KitError: ProgrammeFailure {}
