import AtlasCore

/// The MaterialX (`.mtlx`) handler: reads the document with `TolerantXMLReader` (MaterialX writes
/// `<UDIM>` unescaped in attribute values) and reports materials with their shader nodes and
/// categories, node graphs, every `filename` input with its value after the inherited `fileprefix`
/// (UDIM and other tokens kept as patterns), `xi:include` hrefs, looks, and the renderers the
/// nodes are written for. Resolved file names and includes are the document's references.
public struct MaterialXHandler: FormatHandler {
    public init() {}
    public var format: FileFormat { .materialX }

    /// One open element, with what its children inherit.
    private struct Frame {
        var category: String
        var name: String?
        var path: String
        var fileprefix: String
        /// Filename inputs inside definitions are defaults, not files.
        var inDefinition: Bool
        var material: Int?
        var nodeGraph: Int?
        var look: Int?
    }

    public func inspect(_ source: ByteSource, limits: FormatLimits) -> FormatInspection {
        let bytes: [UInt8]
        do {
            bytes = try source.read(at: 0, count: min(source.size, limits.maxTextBytes))
        } catch {
            return .failed(.error(.readFailed, "the file could not be read: \(error)"))
        }
        var issues: [FormatIssue] = []
        if source.size > limits.maxTextBytes {
            issues.append(.warning(.limitExceeded,
                "the document is larger than \(limits.maxTextBytes) bytes; only that much was read, so it is reported as cut short"))
        }
        var summary = MaterialXSummary()
        var reader = TolerantXMLReader(bytes, maxDepth: limits.maxNestingDepth, maxElements: limits.maxStructures)
        var stack: [Frame] = []
        do {
            while let event = try reader.next() {
                switch event {
                case .start(let name, let attributes, let line, _):
                    let values = Dictionary(attributes.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
                    if stack.isEmpty, name != "materialx" {
                        issues.append(.error(.mtlxParseError, "line \(line): the root element is <\(name)>, not <materialx>"))
                        return FormatInspection(metadata: summary.metadata, issues: issues, references: summary.references)
                    }
                    stack.append(start(name, values, parent: stack.last, depth: stack.count, summary: &summary))
                case .end:
                    stack.removeLast()
                }
            }
        } catch {
            switch error {
            case .syntax(let message, let line):
                issues.append(.error(.mtlxParseError, "line \(line): \(message)"))
            case .limit(let message):
                issues.append(.error(.limitExceeded, message))
            }
        }
        return FormatInspection(metadata: summary.metadata, issues: issues, references: summary.references)
    }

    /// Records what element `category` (its attributes `values`) adds, and returns its frame.
    private func start(_ category: String, _ values: [String: String], parent: Frame?, depth: Int,
                       summary: inout MaterialXSummary) -> Frame {
        let name = values["name"]
        let fileprefix = values["fileprefix"] ?? parent?.fileprefix ?? ""
        let path = [parent?.path, name].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "/")
        var frame = Frame(category: category, name: name, path: path, fileprefix: fileprefix,
                          inDefinition: parent?.inDefinition ?? false)
        if let target = values["target"], let renderer = ShadingRenderers.forTarget(target) { summary.renderers.insert(renderer) }
        guard let parent else {
            summary.version = values["version"]
            summary.fileprefix = values["fileprefix"]
            return frame
        }
        let topLevel = depth == 1
        switch category {
        case "xi:include":
            if let href = values["href"], !href.isEmpty, summary.includes.count < MaterialXSummary.listed { summary.includes.append(href) }
        case "nodedef", "implementation", "typedef", "targetdef":
            frame.inDefinition = true
            if category == "nodedef" {
                summary.nodedefCount += 1
                for key in ["node", "name"] {
                    if let value = values[key], let renderer = ShadingRenderers.forMaterialXCategory(value) { summary.renderers.insert(renderer) }
                }
            }
        case "nodegraph":
            summary.nodeGraphCount += 1
            if topLevel, summary.nodeGraphs.count < MaterialXSummary.listed {
                summary.nodeGraphs.append(.init(name: name ?? ""))
                frame.nodeGraph = summary.nodeGraphs.count - 1
            }
        case "look":
            if summary.looks.count < MaterialXSummary.listed {
                summary.looks.append(.init(name: name ?? ""))
                frame.look = summary.looks.count - 1
            }
        case "materialassign":
            if let look = parent.look, summary.looks[look].assigns.count < MaterialXSummary.listed {
                var assign = values.filter { ["name", "material", "collection", "geom"].contains($0.key) }
                assign["name"] = assign["name"] ?? ""
                summary.looks[look].assigns.append(assign)
            }
        case "input":
            if let material = parent.material, let shader = values["nodename"] ?? values["nodegraph"].map({ graph in
                [graph, values["output"]].compactMap { $0 }.joined(separator: "/")
            }) {
                summary.materials[material].shaders.append((values["name"] ?? "", shader))
            }
            if values["type"] == "filename", !frame.inDefinition, let value = values["value"], !value.isEmpty {
                summary.noteFilename(.init(node: parent.path, input: name ?? "", value: value, resolved: fileprefix + value,
                                           colorspace: values["colorspace"]))
            }
        case "output":
            if let graph = parent.nodeGraph, let name, summary.nodeGraphs[graph].outputs.count < MaterialXSummary.listed {
                summary.nodeGraphs[graph].outputs.append(name)
            }
        default:
            guard !frame.inDefinition, values["type"] != nil, !MaterialXSummary.notNodes.contains(category) else { break }
            summary.noteNode(category: category, name: name, topLevel: topLevel)
            if let graph = parent.nodeGraph { summary.nodeGraphs[graph].nodes += 1 }
            if values["type"] == "material" {
                summary.materialCount += 1
                if summary.materials.count < MaterialXSummary.listed {
                    summary.materials.append(.init(name: name ?? "", category: category))
                    frame.material = summary.materials.count - 1
                }
            }
        }
        return frame
    }
}
