/// What `POST /prompt` answers when it queued a prompt.
public struct ComfyUISubmission: Sendable, Equatable, Decodable {
    public var promptID: String
    /// The queue priority: a counter, or the `number` the client gave (then a float).
    public var number: Double

    public init(promptID: String, number: Double) {
        self.promptID = promptID
        self.number = number
    }

    enum CodingKeys: String, CodingKey {
        case number
        case promptID = "prompt_id"
    }
}
