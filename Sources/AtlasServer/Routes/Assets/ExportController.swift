import AtlasCore
import AtlasFormats
import Foundation
import Vapor

/// Exports: a file of a version converted to another format by a `version.export` job, then
/// downloaded or made a new version. Both need the right to read source files (not Clients);
/// a new version also needs the right to change the asset.
struct ExportController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.createExport, use: create)
        routes.on(Endpoints.downloadExport, use: download)
    }

    /// Checks what can be known before queuing (the file, the pair of formats, the tool) and
    /// answers 202 with the job; 422 `export_unsupported` or `tool_missing` otherwise.
    @Sendable func create(_ req: Request) async throws -> Response {
        let assetID = try req.objectID("asset_id", kind: "asset")
        let number = try req.versionNumber(asset: assetID)
        let body = req.body.data.map { Data(buffer: $0) } ?? Data()
        let (path, format, deliver) = try RequestJSON.decode(ExportInput.self, from: req).validated()
        let sql = req.atlasDatabase.sql
        let asset = try await AssetRows.fetch(assetID, on: sql)
        let version = try await VersionRows.fetch(asset: assetID, number: number, on: sql)
        guard let file = version.files.first(where: { $0.path == path }) else {
            throw AtlasError.invalid("file", "'\(path)' is not a file of v\(number)")
        }
        if deliver == .version {
            try await req.authorize(.writeAsset, asset: assetID)
            guard asset.deletedAt == nil else { throw AtlasError.conflict("asset_deleted", "Asset \(assetID.lowercased) is deleted; restore it first.") }
        }
        try await Self.requireConvertible(file, to: format, req)
        let creation = try IdempotentCreate(req, content: body)
        if let replayed = try await creation.replay() { return replayed }
        let order = ExportOrder(assetID: assetID, versionID: version.stamp.id, version: number, file: path, format: format,
                                deliver: deliver, requestedBy: .init(creation.change.actor))
        let change = creation.change
        return try await creation.run(auditing: "job") { sql in
            let job = try await JobRepository.enqueue(try VersionExportJob.job(order, project: asset.projectID, at: change.at),
                                                      change: change, on: sql)
            return try CreatedResponse(JobBody(job), status: .accepted, location: "\(APIPaths.base)/jobs/\(job.id.lowercased)", etag: nil)
        }
    }

    /// Refuses a pair no tool converts, or whose tool is not installed here.
    private static func requireConvertible(_ file: VersionFile, to format: ExportFormat, _ req: Request) async throws {
        guard let handle = FileHandle(forReadingAtPath: try StoredContentResponse.location(of: file.sha256, req)) else {
            throw AtlasError(code: "blob_unreadable", status: 500, title: "Stored file unreadable",
                             detail: "The content of this file cannot be read from the blob store. An administrator should run `atlas fsck`.")
        }
        let prefix = [UInt8]((try? handle.read(upToCount: FormatSniffer.prefixLength)) ?? Data())
        try? handle.close()
        do {
            guard let source = FormatSniffer.detect(prefix) else {
                throw ConversionProblem.unsupported("'\(file.path)' matches no format Atlas knows, so it cannot be converted")
            }
            let tool = try ConversionTool.converting(source, to: format)
            if let missing = await ConversionTools(python: req.atlas.configuration.python).problem(with: tool) { throw missing }
        } catch let problem as ConversionProblem {
            throw AtlasError(code: problem.code, status: 422, title: problem.code == "tool_missing" ? "Tool missing" : "Export unsupported",
                             detail: problem.reason)
        }
    }

    /// A file an export made: the converted one, or `?name=` one beside it. For whoever may read
    /// the source version.
    @Sendable func download(_ req: Request) async throws -> Response {
        let jobID = try req.objectID("job_id", kind: "export")
        try req.queryParameters.requireOnly(["name"])
        let sql = req.atlasDatabase.sql
        let notFound = AtlasError.notFound("export", jobID.lowercased)
        let job: Job
        do {
            job = try await JobRepository.fetch(jobID, on: sql)
        } catch is AtlasError {
            throw notFound
        }
        guard job.kind == VersionExportJob.name,
              let order = ExportOrder.from(job.payload) else {
            throw notFound
        }
        try await req.authorize(.readSource, asset: order.assetID)
        guard job.status == .succeeded else {
            throw AtlasError.conflict("export_not_ready", "Export \(jobID.lowercased) is \(job.status.rawValue)"
                                      + (job.error.map { ": \($0)" } ?? "; its file is there once the job has succeeded."))
        }
        let files = try await ExportFileRepository.files(of: jobID, on: sql)
        let wanted = req.query[String.self, at: "name"]
        guard let file = wanted.map({ name in files.first { $0.name == name } }) ?? files.first else {
            throw AtlasError.notFound("export_file", wanted ?? "of export \(jobID.lowercased)")
        }
        let mediaType = FieldRules.format(ofPath: file.name).flatMap(HTTPMediaType.fileExtension) ?? .binary
        return try await StoredContentResponse.make(file.sha256, mediaType: mediaType, req, attachment: file.name)
    }
}
