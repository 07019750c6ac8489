import AtlasCore

/// `GET /queue`: the running prompt and the pending ones.
public struct ComfyUIQueue: Sendable, Equatable, Decodable {
    /// One queued prompt: ComfyUI sends `[number, prompt_id, prompt, extra_data, outputs_to_execute]`.
    public struct Item: Sendable, Equatable, Decodable {
        public var number: Double
        public var promptID: String

        public init(number: Double, promptID: String) {
            self.number = number
            self.promptID = promptID
        }

        public init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            self.number = try container.decode(Double.self)
            self.promptID = try container.decode(String.self)
        }
    }

    public var running: [Item]
    /// In the order ComfyUI will run them (it sends them in heap order).
    public var pending: [Item]

    public init(running: [Item], pending: [Item]) {
        self.running = running
        self.pending = pending.sorted { $0.number < $1.number }
    }

    enum CodingKeys: String, CodingKey {
        case running = "queue_running"
        case pending = "queue_pending"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(running: container.decode([Item].self, forKey: .running), pending: container.decode([Item].self, forKey: .pending))
    }
}
