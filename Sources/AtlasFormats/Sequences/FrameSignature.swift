/// What frames of one sequence must agree on.
struct FrameSignature: Hashable, CustomStringConvertible {
    var width: Int
    var height: Int
    var channels: [String]

    var description: String { "\(width) × \(height) with channels \(channels.joined(separator: ","))" }
}
