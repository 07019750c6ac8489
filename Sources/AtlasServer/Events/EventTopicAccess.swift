import AtlasCore
import Foundation
import Vapor

/// Whether the caller may follow a topic: the same rules as reading the object through the
/// API. A topic naming an object the caller may not see is refused as if the object did not exist.
enum EventTopicAccess {
    static func check(_ topic: EventTopic, for req: Request) async throws {
        let principal = try req.requirePrincipal()
        let sql = req.atlasDatabase.sql
        switch topic {
        case .jobs:
            return
        case .job(let id):
            try await JobController.requireVisible(try await JobRepository.fetch(id, on: sql), req)
        case .batch(let id):
            try await JobBatchController.requireVisible(try await BatchRepository.fetch(id, on: sql), req)
        case .asset(let id):
            guard try await MemberRepository.assetProject(id, member: principal.userID, on: sql) != nil else {
                throw AtlasError.notFound("asset", id.lowercased)
            }
            try await req.authorize(.readAsset, asset: id)
        case .project(let id):
            _ = try await ProjectRepository.fetch(id, on: sql)
            try await req.authorize(.readProject, project: id)
        }
    }
}
