import AtlasCore
import Foundation
import Vapor

/// `/api/v1/projects`: create, list, get, update, archive.
struct ProjectController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.createProject, use: create)
        routes.on(Endpoints.listProjects, use: list)
        routes.on(Endpoints.getProject, use: get)
        routes.on(Endpoints.updateProject, use: update)
        routes.on(Endpoints.archiveProject) { try await setStatus($0, .archived) }
        routes.on(Endpoints.unarchiveProject) { try await setStatus($0, .active) }
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let input = try RequestJSON.decode(CreateProjectInput.self, from: req)
        var errors: [FieldError] = []
        let name = FieldRules.name(input.name).collect(into: &errors)
        let code = ProjectCode.validate(input.code ?? ProjectCode.derive(from: input.name)).collect(into: &errors)
        let description = FieldRules.description(input.description ?? "").collect(into: &errors)
        let metadata = MetadataRule.check(input.metadata).collect(into: &errors)
        guard errors.isEmpty, let name, let code, let description, let metadata else { throw AtlasError.validation(errors) }

        let creation = try IdempotentCreate(req, content: Data(buffer: req.body.data ?? ByteBuffer()))
        if let replayed = try await creation.replay() { return replayed }
        let change = creation.change
        let creator = try req.requirePrincipal()
        return try await creation.run(auditing: "project") { sql in
            let stamp = ObjectStamp(id: AtlasID.make(at: change.at), kind: .project, name: name, metadata: metadata,
                                    createdAt: change.at, updatedAt: change.at, createdBy: change.by, updatedBy: change.by)
            let project = Project(stamp: stamp, code: code, description: description, status: .active, revision: 1)
            try await ProjectRepository.insert(project, on: sql)
            // A producer runs the projects they start: without membership they could not see it.
            if !PermissionTable.seesAllProjects(creator.role) {
                try await MemberRepository.add(creator.userID, to: stamp.id, change: change, on: sql)
            }
            return try CreatedResponse(ProjectBody(project), location: APIPaths.project(stamp.id), etag: ETag.revision(1))
        }
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        let query = req.queryParameters
        try query.requireOnly(Paging.parameterNames.union(["status"]))
        var errors: [FieldError] = []
        let status = query.enumList("status", as: ProjectStatus.self).collect(into: &errors) ?? []
        let paging = Paging.parse(query, errors: &errors)
        guard errors.isEmpty else { throw AtlasError.validation(errors) }
        let page = try await ProjectRepository(db: req.atlasDatabase).list(status: status, among: try await req.visibleProjects(), paging: paging)
        return try JSONResponse.make(ListBody(items: page.items.map(ProjectBody.init), nextCursor: page.nextCursor))
    }

    @Sendable func get(_ req: Request) async throws -> Response {
        let project = try await ProjectRepository(db: req.atlasDatabase).get(try req.objectID("project_id", kind: "project"))
        return try respond(project)
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.objectID("project_id", kind: "project")
        let input = try RequestJSON.decode(UpdateProjectInput.self, from: req)
        var errors: [FieldError] = []
        let name = input.name.flatMap { FieldRules.name($0).collect(into: &errors) }
        let code = input.code.flatMap { ProjectCode.validate($0).collect(into: &errors) }
        let description = input.description.flatMap { FieldRules.description($0).collect(into: &errors) }
        let metadata = input.metadata.flatMap { MetadataRule.check($0).collect(into: &errors) }
        guard errors.isEmpty else { throw AtlasError.validation(errors) }
        // The body is checked first: a request that can never succeed says why, whatever its If-Match.
        let expected = try req.expectedRevision()
        let change = req.change
        let project = try await ProjectRepository(db: req.atlasDatabase).update(id, expectedRevision: expected, change: change) {
            if let name { $0.stamp.name = name }
            if let code { $0.code = code }
            if let description { $0.description = description }
            if let metadata { $0.stamp.metadata = metadata }
        }
        return try respond(project)
    }

    private func setStatus(_ req: Request, _ status: ProjectStatus) async throws -> Response {
        let id = try req.objectID("project_id", kind: "project")
        let change = req.change
        let project = try await ProjectRepository(db: req.atlasDatabase).update(id, expectedRevision: nil, change: change) {
            $0.status = status
        }
        return try respond(project)
    }

    private func respond(_ project: Project) throws -> Response {
        try JSONResponse.make(ProjectBody(project), headers: ["ETag": ETag.revision(project.revision)])
    }
}
