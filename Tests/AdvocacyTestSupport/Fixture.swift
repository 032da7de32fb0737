/// Builds a fixture from literals that are valid by construction. A mistake in
/// the fixture itself stops the run with the error and its place, as `try!`
/// would, without the forced `try` that the linter refuses.
public func valid<Value>(
    _ make: () throws -> Value, file: StaticString = #file, line: UInt = #line
) -> Value {
    do {
        return try make()
    } catch {
        preconditionFailure("invalid fixture: \(error)", file: file, line: line)
    }
}

/// Unwraps a fixture value that exists by construction, such as a calendar
/// day written as literals, naming the place when it does not.
public func present<Value>(_ value: Value?, file: StaticString = #file, line: UInt = #line) -> Value {
    guard let value else { preconditionFailure("missing fixture value", file: file, line: line) }
    return value
}
