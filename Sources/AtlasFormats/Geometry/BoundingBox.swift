import AtlasCore

/// An axis-aligned box around 3D points, grown one point at a time; empty until the first point.
struct BoundingBox: Sendable, Hashable {
    private(set) var min: [Double] = []
    private(set) var max: [Double] = []

    var isEmpty: Bool { min.isEmpty }

    mutating func include(_ point: [Double]) {
        guard point.count >= 3 else { return }
        let xyz = Array(point.prefix(3))
        if isEmpty {
            min = xyz
            max = xyz
            return
        }
        for axis in 0..<3 {
            min[axis] = Swift.min(min[axis], xyz[axis])
            max[axis] = Swift.max(max[axis], xyz[axis])
        }
    }

    /// `{"min": [x, y, z], "max": [x, y, z]}`, or null when no point was seen.
    var json: JSONValue {
        isEmpty ? .null : .object(["min": .array(min.map(JSONValue.finite)), "max": .array(max.map(JSONValue.finite))])
    }
}
