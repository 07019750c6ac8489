/// Free-form JSON, as held in an object's `metadata`.
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            // Whole numbers are written without a fraction so that frame ranges stay `1001`, not `1001.0`.
            if value.rounded() == value, abs(value) < 9.0e15 { try container.encode(Int64(value)) }
            else { try container.encode(value) }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Every string, number and key below this value, space-separated: what full-text search indexes.
    public var searchableText: String {
        var words: [String] = []
        collectText(into: &words)
        return words.joined(separator: " ")
    }

    private func collectText(into words: inout [String]) {
        switch self {
        case .null: break
        case .bool(let value): words.append(String(value))
        case .number(let value):
            words.append(value.rounded() == value && abs(value) < 9.0e15 ? String(Int64(value)) : String(value))
        case .string(let value): words.append(value)
        case .array(let values): values.forEach { $0.collectText(into: &words) }
        case .object(let members):
            for key in members.keys.sorted() {
                words.append(key)
                members[key]?.collectText(into: &words)
            }
        }
    }
}

/// An object's free-form metadata: a JSON object.
public typealias Metadata = [String: JSONValue]
