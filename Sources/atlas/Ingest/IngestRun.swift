import AsyncHTTPClient
import AtlasFormats
import Foundation

/// One `atlas ingest` run: find the project, walk and inspect the folder, group the files, and
/// ingest the groups a few at a time while the progress shows; the report says what happened.
struct IngestRun {
    let settings: IngestSettings
    let http: HTTPClient

    func run() async throws -> IngestReport {
        let api = IngestAPI(client: AtlasClient(http: http, baseURL: settings.server, apiKey: settings.apiKey))
        do {
            return try await run(api)
        } catch let error as AtlasClientError where error.isAccessRefused {
            throw IngestError("\(settings.server) refused the API key (\(error.status ?? 0) \(error.code ?? "")): \(error.detail ?? error.description)\n"
                + "Pass the API key of an account that may add assets to project \(settings.projectCode), with --api-key or ATLAS_API_KEY."
                + resumeHint)
        } catch let error as AtlasClientError {
            throw IngestError("the server at \(settings.server) could not be used: \(error)" + resumeHint)
        }
    }

    private func run(_ api: IngestAPI) async throws -> IngestReport {
        let folder = FolderWalk.realPath(settings.folder) ?? settings.folder
        var report = IngestReport(folder: folder, project: settings.projectCode, server: settings.server,
                                  startedAt: Date(), finishedAt: Date())
        let project = try await api.project(code: settings.projectCode)
        let walk = try FolderWalk.scan(settings.folder, excluding: [settings.reportPath, settings.journalPath])
        report.skipped = walk.skipped
        let accepted = inspect(walk.files, rejecting: &report.rejected)
        let groups = IngestGrouper.groups(accepted)
        let journal = try IngestJournal(path: settings.journalPath)
        let progress = IngestProgress(totalFiles: groups.reduce(0) { $0 + $1.members.count },
                                      totalBytes: groups.reduce(0) { $0 + $1.bytes })
        let ingest = GroupIngest(api: api, projectID: project.id, ingested: try await api.ingestedAssets(project: project.id),
                                 journal: journal, progress: progress, slots: ConcurrencyLimit(settings.concurrency), uploads: BlobUploads(),
                                 comment: "Ingested from \((folder as NSString).lastPathComponent) by atlas ingest")
        let display = Task { await ProgressDisplay(progress: progress).run() }
        let outcomes: Result<[GroupIngest.Outcome], any Error>
        do {
            outcomes = .success(try await ConcurrencyLimit(settings.concurrency).map(groups, ingest.ingest))
        } catch {
            outcomes = .failure(error)
        }
        // The last progress line ends before anything else is printed.
        display.cancel()
        await display.value
        record(try outcomes.get(), in: &report)
        if report.failed.isEmpty { await journal.remove() }
        report.finishedAt = Date()
        return report
    }

    /// Inspects every file; the ones with errors go to `rejected` with their first error.
    private func inspect(_ files: [TreeFile], rejecting rejected: inout [IngestReport.Rejected]) -> [InspectedFile] {
        let inspector = FormatInspector()
        var accepted: [InspectedFile] = []
        for file in files {
            let inspected = InspectedFile(file: file, report: inspector.inspect(fileAt: URL(fileURLWithPath: file.absolutePath)))
            if let issue = inspected.rejection {
                rejected.append(.init(file: file.relativePath, code: issue.code.rawValue, reason: issue.message))
            } else {
                accepted.append(inspected)
            }
        }
        return accepted
    }

    private func record(_ outcomes: [GroupIngest.Outcome], in report: inout IngestReport) {
        for outcome in outcomes {
            switch outcome {
            case .added(let added):
                report.added.append(added)
                report.bytesUploaded += added.uploadedBytes
                report.filesAlreadyStored += added.files.count - added.uploaded
            case .skipped(let skipped): report.skipped.append(skipped)
            case .failed(let failed): report.failed.append(failed)
            }
        }
    }

    private var resumeHint: String {
        FileManager.default.fileExists(atPath: settings.journalPath)
            ? "\nWhat was finished is recorded in \(settings.journalPath); run the same command again to go on from there." : ""
    }
}
