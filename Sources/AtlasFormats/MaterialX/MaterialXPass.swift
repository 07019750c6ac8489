import AtlasCore
import Foundation

/// Reads a MaterialX document with MaterialX itself (through `MaterialXWorker`): the version after
/// MaterialX upgrades it on read, the includes it read and refused, and its validation, whose
/// findings become an `mtlx_invalid` warning.
struct MaterialXPass: ToolPass {
    func applies(to report: FormatReport) -> Bool { report.format == .materialX }

    /// What the worker prints.
    struct Findings: Decodable {
        var materialxVersion: String?
        var version: String?
        var materialCount: Int?
        var valid: Bool?
        var message: String?
        var readError: String?
        var includesRead: [String]?
        var includesRefused: [String]?
    }

    func run(on file: URL, assetRoot: URL, report: inout FormatReport, tools: ToolSettings, limits: FormatLimits) async {
        let findings: Findings
        do {
            let data = try await MaterialXWorker.worker.run([file.path, assetRoot.path], tools: tools)
            findings = try JSONDecoder.snakeCase.decode(Findings.self, from: data)
        } catch let failure as PythonWorker.Failure {
            report.issues.append(MaterialXWorker.worker.issue(for: failure, missing: "MaterialX does not validate the document"))
            return
        } catch {
            report.issues.append(.warning(.toolFailed, "the MaterialX worker's result does not decode: \(error)"))
            return
        }
        var summary: [String: JSONValue] = [
            "includes_read": .array((findings.includesRead ?? []).map(JSONValue.string)),
            "includes_refused": .array((findings.includesRefused ?? []).map(JSONValue.string)),
        ]
        if let readError = findings.readError {
            report.metadata["materialx"] = .object(summary)
            if !report.has(.mtlxParseError) {
                report.issues.append(.error(.mtlxParseError, "MaterialX could not read the document: \(readError.prefix(1000))"))
            }
            return
        }
        summary["library_version"] = findings.materialxVersion.map(JSONValue.string) ?? .null
        summary["version"] = findings.version.map(JSONValue.string) ?? .null
        summary["upgraded"] = .bool(findings.version != nil && report.metadata["mtlx_version"] != findings.version.map(JSONValue.string))
        summary["material_count"] = findings.materialCount.map { .int($0) } ?? .null
        summary["valid"] = findings.valid.map(JSONValue.bool) ?? .null
        report.metadata["materialx"] = .object(summary)
        if findings.valid == false {
            let lines = (findings.message ?? "").split(separator: "\n").prefix(10).joined(separator: "; ")
            report.issues.append(.warning(.mtlxInvalid, "MaterialX validation: \(lines.prefix(1500))"))
        }
    }
}
