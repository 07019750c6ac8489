import AtlasCore
import Foundation

/// The REST calls `atlas ingest` makes: find the project, the assets ingested before, and
/// create assets and versions from stored blobs.
struct IngestAPI: Sendable {
    let client: AtlasClient

    /// The asset metadata key holding the group's source path, by which a rerun finds the asset again.
    static let sourceKey = "ingest_source"

    struct Project: Decodable, Sendable {
        var id: String
        var code: String
        var status: String
    }

    /// An asset's latest version: what a rerun compares the folder's files with.
    struct Latest: Decodable, Sendable {
        var number: Int
        var files: [IngestReport.File]
    }

    /// The project with this code; fails when the account sees none, or it is archived.
    func project(code: String) async throws -> Project {
        let wanted = code.uppercased()
        var found: Project?
        try await pages("/api/v1/projects?status=active,archived", of: Project.self) { projects in
            found = found ?? projects.first { $0.code == wanted }
            return found == nil
        }
        guard let project = found else {
            throw IngestError("\(client.baseURL) has no project with code \(wanted) that this API key's account can see")
        }
        guard project.status == "active" else {
            throw IngestError("project \(wanted) is archived; unarchive it to add assets")
        }
        return project
    }

    /// Assets of the project that an earlier ingest made, by their source path.
    func ingestedAssets(project: String) async throws -> [String: String] {
        var bySource: [String: String] = [:]
        try await pages("/api/v1/assets?project_id=\(project)", of: ListedAsset.self) { assets in
            for asset in assets {
                if case .string(let source)? = asset.metadata?[Self.sourceKey], bySource[source] == nil { bySource[source] = asset.id }
            }
            return true
        }
        return bySource
    }

    func latestVersion(of asset: String) async throws -> Latest? {
        let body = try await client.send(.GET, "/api/v1/assets/\(asset)")
        return try AtlasClient.decode(AssetReply.self, from: body).latest
    }

    /// Creates the group's asset with its first version; returns the asset's id.
    func createAsset(_ group: IngestGroup, project: String, files: [IngestReport.File], comment: String) async throws -> String {
        let body = NewAsset(projectID: project, name: group.name, type: group.type.rawValue, format: group.format,
                            metadata: [Self.sourceKey: .string(group.source)],
                            files: files.map { NamedBlob(path: $0.path, sha256: $0.sha256) }, comment: comment)
        let reply = try await client.send(.POST, "/api/v1/assets", encoding: body, expect: [.created])
        return try AtlasClient.decode(AtlasClient.IDReply.self, from: reply).id
    }

    /// Adds a version to `asset`; returns its number.
    func createVersion(of asset: String, files: [IngestReport.File], comment: String) async throws -> Int {
        let body = NewVersion(files: files.map { NamedBlob(path: $0.path, sha256: $0.sha256) }, comment: comment)
        let reply = try await client.send(.POST, "/api/v1/assets/\(asset)/versions", encoding: body, expect: [.created])
        return try AtlasClient.decode(Latest.self, from: reply).number
    }

    /// Reads every page of a listing, handing each page's items to `body` until it returns false.
    private func pages<Item: Decodable & Sendable>(_ path: String, of: Item.Type,
                                                  _ body: ([Item]) -> Bool) async throws {
        var cursor: String?
        repeat {
            var url = path + (path.contains("?") ? "&" : "?") + "limit=500"
            if let cursor { url += "&cursor=" + (cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? cursor) }
            let page = try AtlasClient.decode(Page<Item>.self, from: try await client.send(.GET, url))
            guard body(page.items) else { return }
            cursor = page.nextCursor
        } while cursor != nil
    }

    private struct Page<Item: Decodable & Sendable>: Decodable, Sendable {
        var items: [Item]
        var nextCursor: String?

        enum CodingKeys: String, CodingKey {
            case items
            case nextCursor = "next_cursor"
        }
    }

    private struct ListedAsset: Decodable, Sendable {
        var id: String
        var metadata: [String: JSONValue]?
    }

    private struct AssetReply: Decodable, Sendable {
        var latest: Latest?
    }

    private struct NamedBlob: Encodable, Sendable {
        var path: String
        var sha256: String
    }

    private struct NewAsset: Encodable, Sendable {
        var projectID: String
        var name: String
        var type: String
        var format: String?
        var metadata: [String: JSONValue]
        var files: [NamedBlob]
        var comment: String

        enum CodingKeys: String, CodingKey {
            case name, type, format, metadata, files, comment
            case projectID = "project_id"
        }
    }

    private struct NewVersion: Encodable, Sendable {
        var files: [NamedBlob]
        var comment: String
    }
}
