import AtlasCore
import Foundation

/// Reads USD layers further with usd-core (through `USDCoreWorker`): a crate layer (`.usdc`, or a
/// `.usdz` whose root layer is crate) gets the summary the usda pre-scan gives, from usd-core's text
/// export; every USD gets composed prim counts (payloads loaded and not), effective and authored
/// stage metadata, its dependencies resolved inside the asset (existing or missing), composed
/// shading and lights, and usd-core's validation, as issues. Without Python or usd-core a crate
/// layer keeps its "needs usd-core" warning.
struct USDCorePass: ToolPass {
    static let formats: Set<FileFormat> = [.usda, .usdc, .usdz]
    /// Missing dependencies and validation findings listed one by one; the rest are counted.
    static let listedIssues = 50

    func applies(to report: FormatReport) -> Bool {
        report.format.map(Self.formats.contains) ?? false
    }

    func run(on file: URL, assetRoot: URL, report: inout FormatReport, tools: ToolSettings, limits: FormatLimits) async {
        let crate = report.format == .usdc || report.metadata["root_layer_format"] == .string(FileFormat.usdc.rawValue)
        let data: Data
        do {
            data = try await USDCoreWorker.worker.run([file.path, assetRoot.path, crate ? String(limits.maxTextBytes) : "0"],
                                                     tools: tools, maxOutputBytes: 2 * limits.maxTextBytes + (16 << 20))
        } catch {
            // A crate layer already says it needs usd-core; a second warning would say it again.
            let usdCoreMissing = switch error {
            case .tool(.notInstalled), .moduleMissing: true
            default: false
            }
            if usdCoreMissing, report.has(.usdCrateNeedsUSDCore) { return }
            report.issues.append(USDCoreWorker.worker.issue(for: error,
                missing: "the stage is not composed and its dependencies are not resolved by usd-core"))
            return
        }
        let findings: USDCoreFindings
        do {
            findings = try JSONDecoder.snakeCase.decode(USDCoreFindings.self, from: data)
        } catch {
            report.issues.append(.warning(.toolFailed, "the usd-core worker's result does not decode: \(error)"))
            return
        }
        if let text = findings.layerText { adoptLayer(text, truncated: findings.layerTextTruncated ?? false, file: file,
                                                        report: &report, limits: limits) }
        if let message = findings.openError {
            report.issues.append(.error(.usdOpenFailed, "usd-core could not open the layer: \(message.prefix(1000))"))
            return
        }
        if case .object(var object)? = try? JSONDecoder().decode(JSONValue.self, from: data) {
            object["layer_text"] = nil
            object["layer_text_truncated"] = nil
            report.metadata["usd_core"] = .object(object)
        }
        report.issues += findings.issues
        let renderers = Set(report.renderers).union((findings.shaderIds ?? []).compactMap(ShadingRenderers.forShaderID))
            .union((findings.materialOutputs ?? []).compactMap(ShadingRenderers.forMaterialOutput))
        report.metadata["renderers"] = .array(renderers.sorted().map(JSONValue.string))
        if let lights = findings.lights, !lights.isEmpty {
            report.metadata["light_rig"] = USDLayerSummary.lightRig(
                lights.map { .init(prim: $0.prim, type: $0.type, texture: $0.texture) }, count: lights.count, composed: true)
        }
    }

    /// A crate layer's usda export, read by the native pre-scan as if the file were text: its summary,
    /// references and issues replace the "needs usd-core" warning.
    private func adoptLayer(_ text: String, truncated: Bool, file: URL, report: inout FormatReport, limits: FormatLimits) {
        let layer = USDAHandler.inspect(text: Array(text.utf8), cutAtLimit: truncated, limits: limits)
        report.issues.removeAll { $0.code == .usdCrateNeedsUSDCore }
        report.issues += layer.issues
        report.metadata.merge(layer.metadata) { current, _ in current }
        var references = layer.references
        if report.format == .usdz, case .string(let root)? = report.metadata["root_layer"],
           let members = try? ZipCentralDirectory.members(of: try FileByteSource(url: file), limits: limits) {
            let (packaged, external) = USDZHandler.split(references, rootLayer: root, members: Set(members.map(\.name)))
            report.metadata["packaged_references"] = .array(packaged)
            references = external
        }
        report.references += references
        report.issues += references.compactMap(\.escapeIssue)
    }
}

/// What the usd-core worker prints (see `USDCoreWorker.script`).
struct USDCoreFindings: Decodable {
    struct Dependency: Decodable {
        var layer: String
        var path: String
        var kind: String
        var escapes: Bool
        var resolved: String?
        var exists: Bool?
    }

    struct Light: Decodable {
        var prim: String
        var type: String
        var texture: String?
    }

    struct Finding: Decodable {
        var validator: String
        var name: String
        var type: String
        var message: String
    }

    var layerText: String?
    var layerTextTruncated: Bool?
    var openError: String?
    var dependencies: [Dependency]?
    var shaderIds: [String]?
    var materialOutputs: [String]?
    var lights: [Light]?
    var validation: [Finding]?

    /// Missing dependencies and validation findings as issues, each kind listed up to `listedIssues`.
    var issues: [FormatIssue] {
        let missing = (dependencies ?? []).filter { !$0.escapes && $0.exists == false }
        var issues = missing.prefix(USDCorePass.listedIssues).map { dependency in
            FormatIssue.warning(.usdMissingReference,
                "'\(dependency.path)' (\(dependency.kind), named in \(dependency.layer)) is not found in the asset")
        }
        if missing.count > USDCorePass.listedIssues {
            issues.append(.warning(.usdMissingReference, "\(missing.count - USDCorePass.listedIssues) more missing dependencies are not listed"))
        }
        var seen: Set<FormatIssue> = []
        for finding in validation ?? [] {
            let issue = FormatIssue.warning(Self.code(forValidator: finding.validator),
                                            "\(finding.validator) \(finding.name): \(finding.message.prefix(1000))")
            if seen.count < USDCorePass.listedIssues, seen.insert(issue).inserted { issues.append(issue) }
        }
        return issues
    }

    static func code(forValidator validator: String) -> FormatIssueCode {
        if validator.hasSuffix(":CompositionErrorTest") { return .usdCompositionError }
        if validator.hasSuffix(":StageMetadataChecker") { return .usdStageMetadataMissing }
        return .usdValidation
    }
}

extension JSONDecoder {
    /// A decoder for the workers' `snake_case` JSON.
    static var snakeCase: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
