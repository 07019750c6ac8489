import AtlasComfyUI
import AtlasCore
import Foundation

/// Checks a tool before it is registered: its manifest against its workflow, and both against
/// the node classes (`/object_info`) of a healthy server of the pool.
struct AIToolRegistrationCheck: Sendable {
    let pool: ComfyUIPool

    /// - Parameter againstServer: false skips the server check (administrators only, for tools
    ///   registered while no server is reachable); the workflow checks always run.
    /// - Throws: `validation_failed` with every field error, or 503 `comfyui_unavailable` when the
    ///   server check is asked for and no server answers.
    func check(_ content: AIToolContent, againstServer: Bool) async throws {
        var objectInfo: ComfyUIObjectInfo?
        if againstServer { objectInfo = try await serverObjectInfo() }
        let problems = content.manifest.problems(workflow: content.workflow, objectInfo: objectInfo)
        guard problems.isEmpty else { throw problems.atlasError }
    }

    private func serverObjectInfo() async throws -> ComfyUIObjectInfo {
        var statuses = await pool.statuses()
        if !statuses.contains(where: { $0.health == .up }) {
            await pool.checkHealth()
            statuses = await pool.statuses()
        }
        // Asked directly, not through a lease: /object_info answers while the server runs
        // prompts, so a pool whose every slot is taken can still check a tool.
        for status in statuses where status.health == .up {
            guard let client = await pool.client(for: status.url) else { continue }
            if let info = try? await client.objectInfo() { return info }
        }
        throw AtlasError(code: "comfyui_unavailable", status: 503, title: "No ComfyUI server available",
                         detail: "No ComfyUI server answered, so the tool's nodes cannot be checked. "
                            + "Try again when one is up; an administrator may register with ?check=false.", retryAfter: 10)
    }
}
