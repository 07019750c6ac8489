import Foundation

/// A node's progress bar (`comfy.utils.ProgressBar`): each update is reported to the clients and
/// is a point where an interrupt stops the node.
struct ProgressReporter: Sendable {
    /// A preview image sent with an update as a binary WebSocket frame.
    struct Preview: Sendable {
        var png: Data
    }

    private let report: @Sendable (_ value: Int, _ max: Int, _ preview: Preview?) async throws -> Void

    init(_ report: @escaping @Sendable (_ value: Int, _ max: Int, _ preview: Preview?) async throws -> Void) {
        self.report = report
    }

    /// `pbar.update_absolute(value, max, preview)`; throws when the prompt was interrupted.
    func update(_ value: Int, of max: Int, preview: Preview? = nil) async throws {
        try await report(value, max, preview)
    }
}
