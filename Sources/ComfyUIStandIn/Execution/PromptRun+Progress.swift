import Foundation

/// Progress bars and the faults that slow or hang a node.
extension PromptRun {
    /// The progress hook: checks the interrupt flag, then sends `progress_state`, the preview with
    /// metadata (clients that asked for it), `progress`, and the plain preview (the others).
    func progressReporter(for node: String) -> ProgressReporter {
        let interrupt = services.interrupt
        return ProgressReporter { value, max, preview in
            guard !interrupt.isRaised else { throw Interrupted() }
            await self.reportProgress(node: node, value: value, max: max, preview: preview)
        }
    }

    private func reportProgress(node: String, value: Int, max: Int, preview: ProgressReporter.Preview?) async {
        progress.update(node, value: value, max: max)
        sendProgressState()
        let withMetadata = await services.hub.supportsPreviewMetadata(clientID: clientID)
        if let preview, withMetadata {
            services.publisher.send(.binary(PreviewFrame.withMetadata(png: preview.png, node: node, promptID: promptID), clientID: clientID))
        }
        services.publisher.send("progress", ["value": .int(value), "max": .int(max), "prompt_id": .string(promptID), "node": .string(node)],
                                to: clientID)
        if let preview, !withMetadata {
            services.publisher.send(.binary(PreviewFrame.plain(png: preview.png), clientID: clientID))
        }
    }

    /// A hanging node waits (deaf to interrupts) until the fault is lifted; a slow one sleeps,
    /// reporting its steps when it has any.
    func applyFaults(node: String, classType: String, reporter: ProgressReporter) async throws {
        while services.faults.current.hangs(node: node, classType: classType) {
            try await Task.sleep(for: .milliseconds(20))
        }
        guard let timing = services.faults.current.timing(node: node, classType: classType) else { return }
        guard timing.progressSteps > 0 else { return try await Task.sleep(for: timing.duration) }
        for step in 1...timing.progressSteps {
            try await Task.sleep(for: timing.duration / timing.progressSteps)
            try await reporter.update(step, of: timing.progressSteps)
        }
    }
}
