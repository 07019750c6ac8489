import AtlasCore

/// Routes of generated previews and exports.
extension Endpoints {
    static let getGeneratedPreview = Endpoint(
        method: .GET, path: "/api/v1/assets/{asset_id}/versions/{number}/previews/{kind}", operationID: "getGeneratedPreview",
        summary: "A preview the server made: thumbnail (512 px), proxy (2048 px) or contact_sheet (sequences); sRGB JPEG, "
            + "ETag = SHA-256, immutable (404 preview_not_found until made)", group: "Previews", action: .readPreview,
        responses: [200: "Image", 304: nil])
    static let regeneratePreviews = Endpoint(
        method: .POST, path: "/api/v1/assets/{asset_id}/versions/{number}/previews", operationID: "regeneratePreviews",
        summary: "Make the version's previews again (queues a version.preview job; the state is pending until it ran)",
        group: "Previews", action: .writeAsset, responses: [202: "Job"], idempotent: true)
    static let createExport = Endpoint(
        method: .POST, path: "/api/v1/assets/{asset_id}/versions/{number}/exports", operationID: "createExport",
        summary: "Convert a file of the version to another format (a version.export job): a download or a new version; "
            + "422 export_unsupported or tool_missing when it cannot be done", group: "Exports", action: .readSource,
        body: .json(schema: "CreateExport"), responses: [202: "Job"], idempotent: true)
    static let downloadExport = Endpoint(
        method: .GET, path: "/api/v1/exports/{job_id}/file", operationID: "downloadExport",
        summary: "A file an export made (the converted file, or `name` for one beside it); 409 export_not_ready until its job succeeded",
        group: "Exports", action: .readSource,
        query: [.init(name: "name", type: "string", description: "One of the files the export made (default: the converted file).")],
        responses: [200: "Binary", 304: nil])

    static let previews: [Endpoint] = [getGeneratedPreview, regeneratePreviews, createExport, downloadExport]
}
