import ArgumentParser
import Foundation

/// `atlas ingest FOLDER --project CODE`: a folder into the library, over the REST API of a running server.
struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Upload a folder into a project: each image sequence, each scene or model with the files it names, each other file becomes one asset.",
        discussion: """
            Walks FOLDER (hidden files left out; symbolic links followed only to files inside it) and \
            reads what each file is from its bytes. An image sequence (plate.1001.exr …) becomes one \
            asset named plate holding every frame; a USD, OBJ, glTF or MaterialX file becomes one asset \
            with the files it names inside the folder; every other file becomes an asset of its own. \
            Empty, truncated, corrupt or mislabelled files are rejected with a reason, not uploaded.

            Bytes the server already holds are not sent again (asked by SHA-256 first), and an asset \
            ingested before from the same place whose latest version has exactly these files is skipped; \
            changed files make a new version of it. A journal beside the report records each finished \
            asset, so the same command run again after Ctrl-C or a crash goes on where it stopped.

            Progress goes to standard error, a summary to standard output, and the full report (added, \
            skipped and rejected, with reasons) to --report as JSON.

            Exit status: 0 when nothing was rejected or failed; 1 when a file was rejected or the server \
            refused an asset (the report says which); 2 when the ingest could not run (no such folder \
            or project, the server unreachable, the API key refused); 130 after Ctrl-C (143 after \
            SIGTERM), with the journal kept for the rerun.
            """)

    @Argument(help: "The folder to ingest.")
    var folder: String

    @Option(help: "The code of the project the assets go into (e.g. GLD).")
    var project: String

    @Option(help: "The Atlas server (default: ATLAS_SERVER, else http://127.0.0.1:8000).")
    var server: String?

    @Option(name: .customLong("api-key"), help: "An API key of an account that may add assets to the project (default: ATLAS_API_KEY).")
    var apiKey: String?

    @Option(help: "Where to write the JSON report (default: atlas-ingest-report.json in the current folder).")
    var report: String?

    @Option(help: "The journal that lets a rerun resume (default: beside the report, named for the folder, project and server).")
    var journal: String?

    @Option(help: "Files hashed and uploaded at once (1-32).")
    var concurrency = 4

    func run() async throws {
        let outcome: Result<IngestReport, any Error>
        let settings: IngestSettings
        do {
            settings = try IngestSettings.resolve(folder: folder, project: project, server: server, apiKey: apiKey,
                                                  report: report, journal: journal, concurrency: concurrency)
        } catch {
            throw fail(error)
        }
        let http = AtlasClient.makeHTTPClient(connections: settings.concurrency)
        let interrupt = InterruptNotice(journal: settings.journalPath)
        do {
            outcome = .success(try await IngestRun(settings: settings, http: http).run())
        } catch {
            outcome = .failure(error)
        }
        interrupt.cancel()
        try? await http.shutdown()
        let finished: IngestReport
        do {
            finished = try outcome.get()
            try finished.write(to: settings.reportPath)
        } catch {
            throw fail(error)
        }
        FileHandle.standardOutput.write(Data(IngestSummary.text(finished, reportPath: settings.reportPath).utf8))
        if !finished.isClean { throw ExitCode(1) }
    }

    /// Says why the ingest could not run, on standard error, and gives the exit status for it.
    private func fail(_ error: any Error) -> ExitCode {
        FileHandle.standardError.write(Data("atlas ingest: \(error)\n".utf8))
        return ExitCode(2)
    }
}
