import AtlasCore
import Foundation

/// A project as the API shows it.
struct ProjectBody: Encodable, Sendable {
    var id: String
    var name: String
    var code: String
    var description: String
    var status: ProjectStatus
    var metadata: Metadata
    var createdAt: Date
    var updatedAt: Date
    @Nullable var createdBy: String?
    @Nullable var updatedBy: String?
    var etag: String

    enum CodingKeys: String, CodingKey {
        case id, name, code, description, status, metadata, etag
        case createdAt = "created_at", updatedAt = "updated_at", createdBy = "created_by", updatedBy = "updated_by"
    }

    init(_ project: Project) {
        id = project.stamp.id.lowercased
        name = project.stamp.name
        code = project.code
        description = project.description
        status = project.status
        metadata = project.stamp.metadata
        createdAt = project.stamp.createdAt
        updatedAt = project.stamp.updatedAt
        createdBy = project.stamp.createdBy
        updatedBy = project.stamp.updatedBy
        etag = ETag.revision(project.revision)
    }
}

struct CreateProjectInput: Decodable, Sendable {
    var name: String
    var code: String?
    var description: String?
    var metadata: Metadata?
}

struct UpdateProjectInput: Decodable, Sendable {
    var name: String?
    var code: String?
    var description: String?
    var metadata: Metadata?
}
