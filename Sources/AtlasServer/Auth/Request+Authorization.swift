import AtlasCore
import Foundation
import Vapor

/// Asking the permission table about a request. `Endpoint` registration calls `admit` before
/// every handler; handlers whose project is named in the body call `authorize(_:project:)` themselves.
extension Request {
    private struct EndpointKey: StorageKey { typealias Value = Endpoint }
    private struct ProjectCheckedKey: StorageKey { typealias Value = Bool }

    /// The endpoint being served, set at dispatch.
    var endpoint: Endpoint? {
        get { storage[EndpointKey.self] }
        set { storage[EndpointKey.self] = newValue }
    }

    /// Whether a project-scoped action has been checked against the caller's membership.
    var projectChecked: Bool {
        get { storage[ProjectCheckedKey.self] ?? false }
        set { storage[ProjectCheckedKey.self] = newValue }
    }

    /// Refuses the request unless the table allows it. For project-scoped actions on a path
    /// naming an asset or project, membership is checked here; otherwise the handler must.
    func admit(_ endpoint: Endpoint) async throws {
        self.endpoint = endpoint
        try requireWellFormedClientID()
        if atlas.configuration.benchmarkWithoutAccessControl {
            projectChecked = true
            return
        }
        guard let rule = PermissionTable.rule(for: endpoint.action), rule.isProjectScoped else {
            try enforce(PermissionTable.decide(endpoint.action, role: principal?.role), action: endpoint.action, kind: "object", id: "")
            return
        }
        _ = try requirePrincipal()
        if endpoint.pathParameters.contains("asset_id") {
            try await authorize(endpoint.action, asset: try objectID("asset_id", kind: "asset"))
        } else if endpoint.pathParameters.contains("project_id") {
            try await authorize(endpoint.action, project: try objectID("project_id", kind: "project"))
        }
    }

    /// Checks a project-scoped action on `project`; a project the caller may not see is "not found".
    func authorize(_ action: Action, project: UUID) async throws {
        let principal = try requirePrincipal()
        var isMember = false
        if !PermissionTable.seesAllProjects(principal.role) {
            isMember = try await MemberRepository.isMember(principal.userID, of: project, on: atlasDatabase.sql)
        }
        try enforce(PermissionTable.decide(action, role: principal.role, isMember: isMember), action: action,
                    kind: "project", id: project.lowercased)
        projectChecked = true
    }

    /// Checks a project-scoped action on an asset, through the asset's project.
    func authorize(_ action: Action, asset: UUID) async throws {
        let principal = try requirePrincipal()
        var isMember = false
        if !PermissionTable.seesAllProjects(principal.role) {
            let found = try await MemberRepository.assetProject(asset, member: principal.userID, on: atlasDatabase.sql)
            isMember = found?.isMember ?? false
        }
        try enforce(PermissionTable.decide(action, role: principal.role, isMember: isMember), action: action,
                    kind: "asset", id: asset.lowercased)
        projectChecked = true
    }

    /// The projects whose content the caller may list: nil for all of them.
    func visibleProjects() async throws -> [UUID]? {
        let principal = try requirePrincipal()
        if PermissionTable.seesAllProjects(principal.role) { return nil }
        return try await MemberRepository.projects(of: principal.userID, on: atlasDatabase.sql)
    }

    private func enforce(_ decision: AccessDecision, action: Action, kind: String, id: String) throws {
        switch decision {
        case .allow: return
        case .authenticate: throw AtlasError.authenticationRequired
        case .forbid: throw AtlasError.permissionDenied(action)
        case .conceal: throw AtlasError.notFound(kind, id)
        }
    }
}
