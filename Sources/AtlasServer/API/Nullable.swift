/// An optional that is written as JSON `null` when empty, not left out.
///
/// Synthesized `Encodable` skips nil optionals; clients (Python scripts above all) expect every
/// documented key to be present, so response bodies mark their optionals with this wrapper.
@propertyWrapper
struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
