import AtlasCore
/// Every route of the API, by resource. `routes.swift` registers them; the OpenAPI
/// document is generated from them.
enum Endpoints {
    static let paging: [Endpoint.QueryParameter] = [
        .init(name: "limit", type: "integer", description: "Items per page, 1–500 (default 50)."),
        .init(name: "cursor", type: "string", description: "The next_cursor of the previous page."),
    ]

    // MARK: Projects
    static let createProject = Endpoint(
        method: .POST, path: "/api/v1/projects", operationID: "createProject", summary: "Create a project",
        group: "Projects", action: .createProject, body: .json(schema: "CreateProject"), responses: [201: "Project"], idempotent: true)
    static let listProjects = Endpoint(
        method: .GET, path: "/api/v1/projects", operationID: "listProjects", summary: "List projects, newest first",
        group: "Projects", action: .listProjects,
        query: [.init(name: "status", type: "string", description: "active or archived (comma list)", enumValues: ["active", "archived"])] + paging,
        responses: [200: "ProjectPage"])
    static let getProject = Endpoint(
        method: .GET, path: "/api/v1/projects/{project_id}", operationID: "getProject", summary: "Get a project",
        group: "Projects", action: .readProject, responses: [200: "Project"])
    static let updateProject = Endpoint(
        method: .PATCH, path: "/api/v1/projects/{project_id}", operationID: "updateProject",
        summary: "Change a project's name, code, description or metadata", group: "Projects", action: .manageProject,
        body: .json(schema: "UpdateProject"), responses: [200: "Project"], conditional: true)
    static let archiveProject = Endpoint(
        method: .POST, path: "/api/v1/projects/{project_id}/archive", operationID: "archiveProject",
        summary: "Archive a project: its assets stay readable, no new ones are added", group: "Projects", action: .manageProject,
        responses: [200: "Project"])
    static let unarchiveProject = Endpoint(
        method: .POST, path: "/api/v1/projects/{project_id}/unarchive", operationID: "unarchiveProject",
        summary: "Make an archived project active again", group: "Projects", action: .manageProject, responses: [200: "Project"])

    // MARK: Assets
    static let createAsset = Endpoint(
        method: .POST, path: "/api/v1/assets", operationID: "createAsset",
        summary: "Create an asset with its first version, from uploaded files or stored blobs", group: "Assets", action: .writeAsset,
        body: .upload(schema: "CreateAsset"), responses: [201: "Asset"], idempotent: true)
    static let listAssets = Endpoint(
        method: .GET, path: "/api/v1/assets", operationID: "listAssets",
        summary: "List and search assets (metadata only)", group: "Assets", action: .listAssets,
        query: [
            .init(name: "q", type: "string", description: "Full text over name, tags, description and metadata; each word matches as a prefix."),
            .init(name: "project_id", type: "string", description: "Project id (comma list)."),
            .init(name: "type", type: "string", description: "Asset type (comma list)."),
            .init(name: "format", type: "string", description: "File format, e.g. exr (comma list)."),
            .init(name: "tag", type: "string", description: "Tag; repeat or comma-separate to require several."),
            .init(name: "status", type: "string", description: "Status of the latest version (comma list)."),
            .init(name: "created_after", type: "string", description: "ISO 8601 date or date-time (inclusive)."),
            .init(name: "created_before", type: "string", description: "ISO 8601 date or date-time (exclusive)."),
            .init(name: "deleted", type: "boolean", description: "List soft-deleted assets instead of live ones."),
            .init(name: "sort", type: "string", description: "Order; relevance needs q.",
                  enumValues: ["created_at", "-created_at", "updated_at", "-updated_at", "name", "-name", "relevance"]),
            .init(name: "facets", type: "string", description: "true, or a comma list of type, format, tag, status, project."),
        ] + paging,
        responses: [200: "AssetPage"])
    static let getAsset = Endpoint(
        method: .GET, path: "/api/v1/assets/{asset_id}", operationID: "getAsset",
        summary: "Get an asset with its latest version", group: "Assets", action: .readAsset, responses: [200: "Asset"])
    static let updateAsset = Endpoint(
        method: .PATCH, path: "/api/v1/assets/{asset_id}", operationID: "updateAsset",
        summary: "Change an asset's name, type, description, tags or metadata", group: "Assets", action: .writeAsset,
        body: .json(schema: "UpdateAsset"), responses: [200: "Asset"], conditional: true)
    static let deleteAsset = Endpoint(
        method: .DELETE, path: "/api/v1/assets/{asset_id}", operationID: "deleteAsset",
        summary: "Soft-delete an asset (restorable)", group: "Assets", action: .writeAsset, responses: [200: "Asset"])
    static let restoreAsset = Endpoint(
        method: .POST, path: "/api/v1/assets/{asset_id}/restore", operationID: "restoreAsset",
        summary: "Restore a soft-deleted asset", group: "Assets", action: .writeAsset, responses: [200: "Asset"])
    static let addTags = Endpoint(
        method: .POST, path: "/api/v1/assets/{asset_id}/tags", operationID: "addTags",
        summary: "Add tags to an asset", group: "Tags", action: .writeAsset, body: .json(schema: "Tags"), responses: [200: "Asset"])
    static let removeTag = Endpoint(
        method: .DELETE, path: "/api/v1/assets/{asset_id}/tags/{tag}", operationID: "removeTag",
        summary: "Remove a tag from an asset", group: "Tags", action: .writeAsset, responses: [200: "Asset"])
    static let listTags = Endpoint(
        method: .GET, path: "/api/v1/tags", operationID: "listTags", summary: "Tags with their asset counts",
        group: "Tags", action: .listAssets,
        query: [
            .init(name: "project_id", type: "string", description: "Project id (comma list)."),
            .init(name: "prefix", type: "string", description: "Only tags starting with this."),
            .init(name: "limit", type: "integer", description: "At most this many tags, 1–500 (default 100)."),
        ],
        responses: [200: "TagList"])

    // MARK: Versions
    static let listVersions = Endpoint(
        method: .GET, path: "/api/v1/assets/{asset_id}/versions", operationID: "listVersions",
        summary: "An asset's version history, newest first", group: "Versions", action: .readAsset, query: paging,
        responses: [200: "VersionPage"])
    static let createVersion = Endpoint(
        method: .POST, path: "/api/v1/assets/{asset_id}/versions", operationID: "createVersion",
        summary: "Add a version from uploaded files or stored blobs", group: "Versions", action: .writeAsset,
        body: .upload(schema: "CreateVersion"), responses: [201: "Version"], idempotent: true)
    static let getVersion = Endpoint(
        method: .GET, path: "/api/v1/assets/{asset_id}/versions/{number}", operationID: "getVersion",
        summary: "Get one version with its files", group: "Versions", action: .readAsset, responses: [200: "Version"])
    static let setVersionStatus = Endpoint(
        method: .PATCH, path: "/api/v1/assets/{asset_id}/versions/{number}", operationID: "setVersionStatus",
        summary: "Set a version's status (wip, review, approved, deprecated)", group: "Versions", action: .writeAsset,
        body: .json(schema: "SetVersionStatus"), responses: [200: "Version"], conditional: true)
    static let revertVersion = Endpoint(
        method: .POST, path: "/api/v1/assets/{asset_id}/versions/{number}/revert", operationID: "revertToVersion",
        summary: "Make a new version with this version's content", group: "Versions", action: .writeAsset,
        body: .json(schema: "Revert"), responses: [201: "Version"], idempotent: true)
    static let diffVersions = Endpoint(
        method: .GET, path: "/api/v1/assets/{asset_id}/diff", operationID: "diffVersions",
        summary: "Compare two versions' metadata, files and status", group: "Versions", action: .readAsset,
        query: [
            .init(name: "from", type: "integer", description: "Version number (default: the one before `to`)."),
            .init(name: "to", type: "integer", description: "Version number (default: the latest)."),
        ],
        responses: [200: "VersionDiff"])
    static let downloadFile = Endpoint(
        method: .GET, path: "/api/v1/assets/{asset_id}/versions/{number}/files/{path}", operationID: "downloadFile",
        summary: "Download a file of a version (Range, ETag = SHA-256, If-None-Match)", group: "Files", action: .readSource,
        responses: [200: "Binary", 206: "Binary", 304: nil], catchAll: true)

    // MARK: Dependencies
    static let listDependencies = Endpoint(
        method: .GET, path: "/api/v1/assets/{asset_id}/versions/{number}/dependencies", operationID: "listDependencies",
        summary: "What a version depends on, or what depends on it; transitive and cycle-safe", group: "Dependencies", action: .readSource,
        query: [
            .init(name: "direction", type: "string", description: "dependencies (default) or dependents.",
                  enumValues: ["dependencies", "dependents"]),
            .init(name: "transitive", type: "boolean", description: "Follow edges beyond the first level."),
            .init(name: "max_depth", type: "integer", description: "How many levels to follow when transitive, 1–50 (default 50)."),
        ],
        responses: [200: "DependencyList"])
    static let addDependency = Endpoint(
        method: .POST, path: "/api/v1/assets/{asset_id}/versions/{number}/dependencies", operationID: "addDependency",
        summary: "Declare that a version depends on another (a missing target is recorded as missing)",
        group: "Dependencies", action: .writeAsset, body: .json(schema: "AddDependency"), responses: [201: "Dependency"], idempotent: true)
    static let removeDependency = Endpoint(
        method: .DELETE, path: "/api/v1/assets/{asset_id}/versions/{number}/dependencies/{dependency_id}",
        operationID: "removeDependency", summary: "Remove a declared dependency", group: "Dependencies", action: .writeAsset,
        responses: [204: nil])

    // MARK: Blobs
    static let uploadBlob = Endpoint(
        method: .POST, path: "/api/v1/blobs", operationID: "uploadBlob",
        summary: "Store a file's bytes (raw body, streamed and hashed); returns its SHA-256", group: "Blobs", action: .uploadContent,
        query: [.init(name: "sha256", type: "string", description: "Expected SHA-256; the upload is refused if it differs.")],
        body: .upload(schema: nil), responses: [201: "Blob", 200: "Blob"])
    static let checkBlob = Endpoint(
        method: .HEAD, path: "/api/v1/blobs/{sha256}", operationID: "checkBlob",
        summary: "Does the server hold this content? 200 with Content-Length, or 404", group: "Blobs", action: .uploadContent,
        responses: [200: nil, 404: nil])

    // MARK: System
    static let health = Endpoint(
        method: .GET, path: "/healthz", operationID: "health", summary: "The process is up", group: "System", action: .readSystemInfo,
        responses: [200: "Health"])
    static let readiness = Endpoint(
        method: .GET, path: "/readyz", operationID: "readiness",
        summary: "The database and blob store answer", group: "System", action: .readSystemInfo, responses: [200: "Health", 503: "Problem"])
    static let openAPI = Endpoint(
        method: .GET, path: "/api/v1/openapi.json", operationID: "openAPI", summary: "This API's OpenAPI 3.1 document",
        group: "System", action: .readSystemInfo, responses: [200: nil])

    static let all: [Endpoint] = [
        createProject, listProjects, getProject, updateProject, archiveProject, unarchiveProject,
        createAsset, listAssets, getAsset, updateAsset, deleteAsset, restoreAsset, addTags, removeTag, listTags,
        listVersions, createVersion, getVersion, setVersionStatus, revertVersion, diffVersions, downloadFile,
        listDependencies, addDependency, removeDependency,
        uploadBlob, checkBlob,
        health, readiness, openAPI,
    ] + accounts + jobs + observability + previews + aiTools + pages
}
