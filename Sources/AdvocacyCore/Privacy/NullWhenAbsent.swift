import Foundation

/// An optional property that synthesised `Encodable` writes as null when it
/// is absent, instead of leaving its key out, so every object has the same keys.
@propertyWrapper
public struct NullWhenAbsent<Value: Encodable>: Encodable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
extension NullWhenAbsent: Sendable where Value: Sendable {}
