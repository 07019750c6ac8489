import AtlasCore
import AtlasFormats
import AtlasStorage
import Foundation
import NIOConcurrencyHelpers

/// `version.export`: converts one file of a version to another format (`FormatConverter`) and
/// delivers it as a download or as a new version of the same asset. A conversion that fails
/// fails the job at once with the tool's reason: trying again would fail the same way.
struct VersionExportJob: JobHandler {
    static let name = "version.export"
    var kind: String { Self.name }
    let blobs: any BlobStore
    let converter: FormatConverter

    static func job(_ order: ExportOrder, project: UUID, at date: Date) throws -> Job {
        Job(id: AtlasID.make(at: date), kind: name, payload: try JSONCoding.json(order), runAfter: date, projectID: project,
            createdAt: date)
    }

    func run(_ job: JobRun, context: any JobContext) async throws -> JSONValue? {
        guard let order = ExportOrder.from(job.payload) else {
            throw PermanentJobFailure("the payload is not an export order")
        }
        guard let context = context as? any DatabaseJobContext else { throw PermanentJobFailure("needs a database context") }
        guard let version = try await VersionRows.fetch(id: order.versionID, on: context.database.sql) else {
            throw PermanentJobFailure("version \(order.version) of the asset no longer exists")
        }
        let workspace = try VersionWorkspace(version, blobs: blobs)
        defer { workspace.remove() }
        guard let link = workspace.links[order.file] else {
            throw PermanentJobFailure("\(order.file) is not a file of v\(order.version), or its stored content is missing")
        }
        let source = InspectedFile.inspecting(name: order.file, url: link)
        let made: [URL]
        do {
            made = try await converter.convert(source, to: order.format, in: workspace.output, hiding: workspace.folders)
        } catch {
            throw PermanentJobFailure(error.reason)
        }
        let files = try made.map { url in
            let (hash, size) = try blobs.store(fileAt: url)
            return ExportResult.File(name: url.lastPathComponent, sha256: hash, size: size)
        }
        var result = ExportResult(deliver: order.deliver, format: order.format, files: files,
                                  downloadURL: ExportResult.downloadPath(job: job.id), version: nil)
        let delivered = NIOLockedValueBox<Int?>(nil)
        let now = Date()
        let applied = try await context.once(Self.name) { sql in
            let number = order.deliver == .version
                ? try await Self.deliverVersion(order, of: version, files: files, job: job.id, at: now, on: sql) : nil
            try await ExportFileRepository.put(files, job: job.id, version: number, at: now, on: sql)
            delivered.withLockedValue { $0 = number }
        }
        // A try after one that applied the effect (and died before the job was marked done) reads what it made.
        result.version = applied ? delivered.withLockedValue { $0 }
            : try await ExportFileRepository.deliveredVersion(of: job.id, on: context.database.sql)
        return try JSONCoding.json(result)
    }
}
