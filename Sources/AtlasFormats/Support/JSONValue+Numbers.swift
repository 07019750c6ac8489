import AtlasCore

extension JSONValue {
    /// A number, or its name as a string when it is NaN or infinite (JSON has no such numbers).
    static func finite(_ value: Double) -> JSONValue {
        value.isFinite ? .number(value) : .string(value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf"))
    }

    static func finite(_ value: Float) -> JSONValue { finite(Double(value)) }

    static func int<T: BinaryInteger>(_ value: T) -> JSONValue { .number(Double(value)) }
}
