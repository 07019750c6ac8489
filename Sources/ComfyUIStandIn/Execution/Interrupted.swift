/// `InterruptProcessingException`: the prompt was interrupted before or during a node.
struct Interrupted: Error, Sendable {}
