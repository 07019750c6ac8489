import AtlasComfyUI
import AtlasCore
import Foundation
import SQLKit

/// Tools and their numbered versions. Registering the content a tool already has adds nothing;
/// other content becomes the next version and the tool's current one.
enum AIToolRepository {
    static let sort = "name"

    /// What a registration did.
    struct Registration: Sendable {
        var tool: AITool
        /// False when the content was already the tool's current version.
        var created: Bool
    }

    static func register(_ content: AIToolContent, source: String, change: Change, on sql: any SQLDatabase) async throws -> Registration {
        let hash = content.contentHash
        if let existing = try await fetchIfPresent(content.manifest.name, on: sql) {
            if existing.current.contentHash == hash { return Registration(tool: existing, created: false) }
            let version = try await insertVersion(content, tool: existing.id, number: existing.current.number + 1, hash: hash, change: change, on: sql)
            try await sql.raw("""
                UPDATE ai_tools SET current_version = \(bind: version.number), category = \(bind: content.manifest.category),
                    source = \(bind: source) WHERE id = \(bind: existing.id)
                """).run()
            try await sql.raw("""
                UPDATE atlas_objects SET updated_at = \(bind: change.at), updated_by = \(bind: change.by) WHERE id = \(bind: existing.id)
                """).run()
            return Registration(tool: AITool(id: existing.id, name: existing.name, category: content.manifest.category, source: source,
                                             current: version), created: true)
        }
        let id = AtlasID.make(at: change.at)
        try await ObjectRow.insert(ObjectStamp(id: id, kind: .aiTool, name: content.manifest.name, createdAt: change.at,
                                               updatedAt: change.at, createdBy: change.by, updatedBy: change.by), on: sql)
        try await sql.raw("""
            INSERT INTO ai_tools (id, name, category, current_version, source)
            VALUES (\(bind: id), \(bind: content.manifest.name), \(bind: content.manifest.category), 1, \(bind: source))
            """).run()
        let version = try await insertVersion(content, tool: id, number: 1, hash: hash, change: change, on: sql)
        return Registration(tool: AITool(id: id, name: content.manifest.name, category: content.manifest.category, source: source,
                                         current: version), created: true)
    }

    static func fetch(_ name: String, on sql: any SQLDatabase) async throws -> AITool {
        guard let tool = try await fetchIfPresent(name, on: sql) else { throw AtlasError.notFound("ai_tool", name) }
        return tool
    }

    static func fetchIfPresent(_ name: String, on sql: any SQLDatabase) async throws -> AITool? {
        try await sql.raw("\(unsafeRaw: toolSelect) WHERE t.name = \(bind: name)").first().map(decodeTool)
    }

    /// Tools by name, optionally of one category.
    static func list(category: String?, paging: Paging, on sql: any SQLDatabase) async throws -> Page<AITool> {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if let category { conditions.append("t.category = \(bind: category)") }
        if let after = try paging.cursor(sort: sort)?.value { conditions.append("t.name > \(bind: after)") }
        let rows = try await sql.raw("""
            \(unsafeRaw: toolSelect) WHERE \(conditions.joined(separator: " AND ")) ORDER BY t.name LIMIT \(literal: paging.limit + 1)
            """).all()
        let tools = try rows.prefix(paging.limit).map(decodeTool)
        let next = rows.count > paging.limit ? tools.last.map { PageCursor(sort: sort, value: $0.name) } : nil
        return Page(items: tools, nextCursor: next)
    }

    /// Every version of a tool, newest first.
    static func versions(of tool: AITool, on sql: any SQLDatabase) async throws -> [AIToolVersion] {
        try await sql.raw("\(unsafeRaw: versionSelect) WHERE v.tool_id = \(bind: tool.id) ORDER BY v.number DESC").all().map(decodeVersion)
    }

    static func version(_ id: UUID, on sql: any SQLDatabase) async throws -> AIToolVersion {
        guard let row = try await sql.raw("\(unsafeRaw: versionSelect) WHERE v.id = \(bind: id)").first() else {
            throw AtlasError.notFound("ai_tool_version", id.lowercased)
        }
        return try decodeVersion(row)
    }

    private static func insertVersion(_ content: AIToolContent, tool: UUID, number: Int, hash: String, change: Change,
                                      on sql: any SQLDatabase) async throws -> AIToolVersion {
        let version = AIToolVersion(id: AtlasID.make(at: change.at), toolID: tool, number: number, manifest: content.manifest,
                                    workflow: content.workflow, contentHash: hash, createdAt: change.at, createdBy: change.by)
        try await sql.raw("""
            INSERT INTO ai_tool_versions (id, tool_id, number, manifest, workflow, content_hash, created_at, created_by)
            VALUES (\(bind: version.id), \(bind: tool), \(bind: number), \(bind: JSONCoding.text(content.manifest)),
                    \(bind: JSONCoding.text(content.workflow.json)), \(bind: hash), \(bind: change.at), \(bind: change.by))
            """).run()
        return version
    }

    private static let versionColumns = "v.id, v.tool_id, v.number, v.manifest, v.workflow, v.content_hash, v.created_at, v.created_by"
    private static let versionSelect = "SELECT \(versionColumns) FROM ai_tool_versions v"
    private static let toolSelect = """
        SELECT t.name, t.category, t.source, \(versionColumns) FROM ai_tools t
        JOIN ai_tool_versions v ON v.tool_id = t.id AND v.number = t.current_version
        """

    private static func decodeTool(_ row: any SQLRow) throws -> AITool {
        let version = try decodeVersion(row)
        return AITool(id: version.toolID, name: try row.decode(column: "name", as: String.self),
                      category: try row.decode(column: "category", as: String.self),
                      source: try row.decode(column: "source", as: String.self), current: version)
    }

    private static func decodeVersion(_ row: any SQLRow) throws -> AIToolVersion {
        let manifestText = try row.decode(column: "manifest", as: String.self)
        let workflowText = try row.decode(column: "workflow", as: String.self)
        return AIToolVersion(
            id: try row.decode(column: "id", as: UUID.self), toolID: try row.decode(column: "tool_id", as: UUID.self),
            number: try row.decode(column: "number", as: Int.self),
            manifest: try JSONCoding.sharedDecoder.decode(AIToolManifest.self, from: Data(manifestText.utf8)),
            workflow: try ComfyUIWorkflow(data: Data(workflowText.utf8)),
            contentHash: try row.decode(column: "content_hash", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self), createdBy: try row.decode(column: "created_by", as: String?.self))
    }
}
