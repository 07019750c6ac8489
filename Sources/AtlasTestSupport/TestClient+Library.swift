import AtlasCore
import Foundation
import Vapor

/// Short ways to put things in the library, for tests whose subject is something else.
extension TestClient {
    /// Creates a project and returns its id.
    public func createProject(_ name: String = "Test Project", code: String? = nil) async throws -> String {
        var body: [String: JSONValue] = ["name": .string(name)]
        if let code { body["code"] = .string(code) }
        let response = try await send(.POST, "/api/v1/projects", json: .object(body))
        guard response.status == .created, let id = response.json["id"]?.string else {
            throw TestSupportError("creating project \(name) failed: \(response.status) \(response.text)")
        }
        return id
    }

    /// Uploads an asset with its files as multipart and returns the created asset's JSON.
    public func createAsset(project: String, name: String, type: String = "texture", files: [(String, Data)] = [],
                            tags: [String] = [], description: String? = nil, metadata: String? = nil) async throws -> JSONValue {
        var form = MultipartForm().field("project_id", project).field("name", name).field("type", type)
        if !tags.isEmpty { form = form.field("tags", tags.joined(separator: ",")) }
        if let description { form = form.field("description", description) }
        if let metadata { form = form.field("metadata", metadata) }
        return try await create("/api/v1/assets", form, files: files, what: "asset \(name)")
    }

    /// Adds a version with these files and returns the version's JSON.
    public func addVersion(asset: String, files: [(String, Data)], comment: String = "", metadata: String? = nil) async throws -> JSONValue {
        var form = MultipartForm().field("comment", comment)
        if let metadata { form = form.field("metadata", metadata) }
        return try await create("/api/v1/assets/\(asset)/versions", form, files: files, what: "a version of \(asset)")
    }

    /// Uploads `form` with `files` and returns the created object's JSON, failing unless it was created.
    private func create(_ path: String, _ form: MultipartForm, files: [(String, Data)], what: String) async throws -> JSONValue {
        let form = files.reduce(form) { $0.file($1.0, $1.1) }
        let response = try await upload(path, form.finished)
        guard response.status == .created else {
            throw TestSupportError("creating \(what) failed: \(response.status) \(response.text)")
        }
        return response.json
    }
}
