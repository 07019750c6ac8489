import AtlasCore
import Foundation

/// Everything one `atlas ingest` run needs, from its options, then `ATLAS_SERVER` and
/// `ATLAS_API_KEY`, then defaults; every problem reported at once.
struct IngestSettings: Sendable {
    static let defaultServer = "http://127.0.0.1:8000"
    static let defaultReport = "atlas-ingest-report.json"

    var folder: String
    var projectCode: String
    /// `http(s)://host:port`, without a trailing slash.
    var server: String
    var apiKey: String
    var reportPath: String
    var journalPath: String
    /// Files hashed and sent at once, and groups worked on at once.
    var concurrency: Int

    static func resolve(folder: String, project: String, server: String?, apiKey: String?, report: String?,
                        journal: String?, concurrency: Int,
                        environment: [String: String] = ProcessInfo.processInfo.environment) throws -> IngestSettings {
        var problems: [String] = []
        let code: String
        switch ProjectCode.validate(project, field: "--project") {
        case .success(let valid): code = valid
        case .failure(let error):
            problems.append("\(error.field) \(error.message)")
            code = project
        }
        let server = (server ?? environment["ATLAS_SERVER"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultServer)
        if !(server.hasPrefix("http://") || server.hasPrefix("https://")) || URL(string: server)?.host == nil {
            problems.append("--server must be an http:// or https:// URL (got '\(server)')")
        }
        let key = apiKey ?? environment["ATLAS_API_KEY"] ?? ""
        if key.isEmpty { problems.append("no API key: pass --api-key or set ATLAS_API_KEY (make one with `atlas user api-key`)") }
        if !(1...32).contains(concurrency) { problems.append("--concurrency must be 1 to 32 (got \(concurrency))") }
        guard problems.isEmpty else { throw IngestError(problems.joined(separator: "\n")) }
        let base = server.hasSuffix("/") ? String(server.dropLast()) : server
        let reportPath = report ?? defaultReport
        return IngestSettings(
            folder: folder, projectCode: code, server: base, apiKey: key, reportPath: reportPath,
            journalPath: journal ?? IngestJournal.defaultPath(folder: folder, projectCode: code, server: base, besideReport: reportPath),
            concurrency: concurrency)
    }
}
