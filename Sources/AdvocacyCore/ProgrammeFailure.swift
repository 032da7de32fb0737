import Foundation

/// A failure the person using the programme can act on: its message names
/// the value at fault and says what to do. Every module's error enum
/// conforms, so a front end tells these (exit 1, a 4xx answer) from its own
/// usage errors and from bugs.
public protocol ProgrammeFailure: LocalizedError, Sendable {}

extension CoreError: ProgrammeFailure {}
