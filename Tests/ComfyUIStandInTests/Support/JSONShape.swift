@testable import ComfyUIStandIn

/// The shape of a JSON value, to compare the stand-in's answers with recorded ones: keys and
/// value types (integers apart from floats), not values. Keys that are ids (uuids, numbers,
/// client-chosen prompt ids) are folded into `<id>`, and the items of an array into the set of
/// their shapes.
indirect enum JSONShape: Hashable, CustomStringConvertible {
    case null, bool, int, float, string
    case array(Set<JSONShape>)
    case object([String: JSONShape])

    init(_ value: JSON) {
        switch value {
        case .null: self = .null
        case .bool: self = .bool
        case .int: self = .int
        case .double: self = .float
        case .string: self = .string
        case .array(let items): self = .array(Set(items.map(JSONShape.init)))
        case .object(let object):
            var fields: [String: JSONShape] = [:]
            for (key, item) in object { fields[Self.isID(key) ? "<id>" : key] = JSONShape(item) }
            self = .object(fields)
        }
    }

    /// Paths where the two shapes differ, empty when they agree.
    func differences(from other: JSONShape, at path: String = "$") -> [String] {
        switch (self, other) {
        case (.object(let mine), .object(let theirs)):
            let keys = Set(mine.keys).union(theirs.keys).sorted()
            return keys.flatMap { key -> [String] in
                guard let a = mine[key] else { return ["\(path).\(key) missing"] }
                guard let b = theirs[key] else { return ["\(path).\(key) unexpected"] }
                return a.differences(from: b, at: "\(path).\(key)")
            }
        case (.array(let mine), .array(let theirs)):
            // Each kind of item must be one the recording has (an empty list says nothing).
            if mine.isEmpty || theirs.isEmpty { return [] }
            if theirs.count == 1 { return mine.flatMap { $0.differences(from: theirs.first!, at: path + "[]") } }
            return mine.flatMap { item in
                theirs.contains { item.differences(from: $0).isEmpty } ? [] : ["\(path)[] has \(item), which the recording has not"]
            }
        default:
            return self == other ? [] : ["\(path) is \(self) where \(other) was recorded"]
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .float: "float"
        case .string: "string"
        case .array(let items): "[\(items.map(\.description).sorted().joined(separator: "|"))]"
        case .object(let fields): "{\(fields.keys.sorted().joined(separator: ","))}"
        }
    }

    private static func isID(_ key: String) -> Bool {
        key.count == 36 && key.filter { $0 == "-" }.count == 4 || (!key.isEmpty && key.allSatisfy(\.isNumber))
            || key.hasPrefix("atlas-job-")
    }
}
