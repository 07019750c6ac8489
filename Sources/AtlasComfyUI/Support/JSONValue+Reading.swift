import AtlasCore
import Foundation

// Reading ComfyUI's loosely typed JSON: each accessor is nil when the value has another type.
extension JSONValue {
    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    var text: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// A combo option as ComfyUI compares it: strings as they are, numbers as Python prints them.
    var optionText: String? {
        switch self {
        case .string(let text): return text
        case .number(let value): return value.rounded() == value ? String(Int64(value)) : String(value)
        default: return nil
        }
    }

    /// Decodes this value as a `Decodable` type, by way of its JSON.
    func decoded<T: Decodable>(as type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(self))
    }
}
