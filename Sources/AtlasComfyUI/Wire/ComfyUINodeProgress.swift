/// One node's entry in a `progress_state` frame.
public struct ComfyUINodeProgress: Sendable, Equatable {
    /// `running`, `finished` or `error`.
    public var state: String
    public var value: Double
    public var max: Double

    public init(state: String, value: Double, max: Double) {
        self.state = state
        self.value = value
        self.max = max
    }

    public var isFinished: Bool { state == "finished" }
}
