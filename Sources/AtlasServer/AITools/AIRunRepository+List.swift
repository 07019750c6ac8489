import AtlasCore
import Foundation
import SQLKit

extension AIRunRepository {
    static let listSort = "id_desc"

    /// Runs of any version of `tool`, newest first: those the caller may see (`visible`: their
    /// own and those of their projects; nil sees all). A run over a sequence stands for its
    /// frames, which are listed only when `sequenceRun` names it.
    static func list(tool: UUID, sequenceRun: UUID?, visible: (projects: [UUID], owner: String)?, paging: Paging,
                     on sql: any SQLDatabase) async throws -> Page<AIRun> {
        var conditions: [SQLQueryString] = ["tool_version_id IN (SELECT id FROM ai_tool_versions WHERE tool_id = \(bind: tool))"]
        conditions.append(sequenceRun.map { "parent_run_id = \(bind: $0)" } ?? "parent_run_id IS NULL")
        if let visible {
            conditions.append(visible.projects.isEmpty ? "created_by = \(bind: visible.owner)"
                : "(created_by = \(bind: visible.owner) OR project_id IN (\(binds: visible.projects)))")
        }
        if let id = try paging.cursor(sort: listSort)?.id { conditions.append("id < \(bind: id)") }
        let rows = try await sql.raw("""
            \(unsafeRaw: select) WHERE \(conditions.joined(separator: " AND ")) ORDER BY id DESC LIMIT \(literal: paging.limit + 1)
            """).all()
        let runs = try rows.prefix(paging.limit).map(decode)
        let next = rows.count > paging.limit ? runs.last.map { PageCursor(sort: listSort, id: $0.id) } : nil
        return Page(items: runs, nextCursor: next)
    }
}
