import AtlasCore
import Foundation
import Vapor

/// Who may see and steer background work (a job, or a batch of jobs): the one rule the job
/// routes, the batch routes and the live-events topics share.
extension Request {
    /// Work is visible to the account that made it, to members of its project and to
    /// administrators; to anyone else it answers as if it did not exist (`missing`).
    func requireVisible(owner: String?, project: UUID?, otherwise missing: AtlasError) async throws {
        let principal = try requirePrincipal()
        guard let visible = try await visibleProjects() else { return }
        if owner == principal.userID.lowercased { return }
        if let project, visible.contains(project) { return }
        throw missing
    }

    /// Cancelling or retrying is for the account that made the work, producers of its project
    /// and administrators.
    func requireControl(owner: String?, project: UUID?) throws {
        let principal = try requirePrincipal()
        guard owner == principal.userID.lowercased || principal.role == .administrator
                || (principal.role == .producer && project != nil) else {
            throw AtlasError.permissionDenied(.controlJobs)
        }
    }
}
