import AtlasCore

/// What a MaterialX document holds, as written: its version, materials and the shader nodes they
/// use, node graphs, node categories, every `filename` input with its value after the inherited
/// `fileprefix`, includes, looks and the renderers its nodes are written for. Filled in element by
/// element, so a document that stops parsing still reports what came before the problem.
struct MaterialXSummary: Sendable {
    struct Material: Sendable {
        var name: String
        var category: String
        /// Shader inputs: (input name, node name or `nodegraph/output`).
        var shaders: [(input: String, node: String)] = []
    }

    struct NodeGraph: Sendable {
        var name: String
        var nodes = 0
        var outputs: [String] = []
    }

    struct Filename: Sendable {
        var node: String
        var input: String
        var value: String
        var resolved: String
        var colorspace: String?
    }

    struct Look: Sendable {
        var name: String
        var assigns: [[String: String]] = []
    }

    /// Lists are cut here (everything is counted).
    static let listed = 1000
    /// Elements that are not nodes though they carry a `type`.
    static let notNodes: Set<String> = ["input", "output", "parameter", "token", "nodedef", "nodegraph", "implementation",
                                        "typedef", "member", "unit", "unittypedef", "attributedef", "targetdef",
                                        "geomprop", "geompropdef", "property", "propertyassign", "propertyset"]

    var version: String?
    var fileprefix: String?
    var materials: [Material] = []
    var materialCount = 0
    var nodeGraphs: [NodeGraph] = []
    var nodeGraphCount = 0
    var nodeCategories: [String: Int] = [:]
    var nodedefCount = 0
    var filenames: [Filename] = []
    var filenameCount = 0
    var includes: [String] = []
    var looks: [Look] = []
    var renderers: Set<String> = [ShadingRenderers.materialX]
    /// Top-level nodes by name, to name the category of the shader each material uses.
    var topLevelNodes: [String: String] = [:]

    mutating func noteNode(category: String, name: String?, topLevel: Bool) {
        if nodeCategories[category] != nil || nodeCategories.count < Self.listed { nodeCategories[category, default: 0] += 1 }
        if let renderer = ShadingRenderers.forMaterialXCategory(category) { renderers.insert(renderer) }
        if topLevel, let name, topLevelNodes.count < Self.listed * 100 { topLevelNodes[name] = category }
    }

    mutating func noteFilename(_ filename: Filename) {
        filenameCount += 1
        if filenames.count < Self.listed { filenames.append(filename) }
    }

    /// Every resolved file name and include once, in the order found; includes first.
    var references: [FileReference] {
        var seen: Set<String> = []
        let includes = includes.filter { seen.insert($0).inserted }.map { FileReference(path: $0, kind: "include") }
        let textures = filenames.map(\.resolved).filter { seen.insert($0).inserted }.map { FileReference(path: $0, kind: "texture") }
        return includes + textures
    }

    var metadata: [String: JSONValue] {
        func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        return [
            "mtlx_version": string(version),
            "fileprefix": string(fileprefix),
            "material_count": .int(materialCount),
            "materials": .array(materials.map { material in
                .object([
                    "name": .string(material.name), "category": .string(material.category),
                    "shaders": .array(material.shaders.map { shader in
                        .object(["input": .string(shader.input), "node": .string(shader.node),
                                 "category": string(topLevelNodes[shader.node] ?? (shader.node.contains("/") ? "nodegraph" : nil))])
                    }),
                ])
            }),
            "node_graph_count": .int(nodeGraphCount),
            "node_graphs": .array(nodeGraphs.map { graph in
                .object(["name": .string(graph.name), "nodes": .int(graph.nodes), "outputs": .array(graph.outputs.map(JSONValue.string))])
            }),
            "node_categories": .object(nodeCategories.mapValues { .int($0) }),
            "nodedef_count": .int(nodedefCount),
            "filename_count": .int(filenameCount),
            "filenames": .array(filenames.map { file in
                .object(["node": .string(file.node), "input": .string(file.input), "value": .string(file.value),
                         "resolved": .string(file.resolved), "colorspace": string(file.colorspace)])
            }),
            "includes": .array(includes.map(JSONValue.string)),
            "looks": .array(looks.map { look in
                .object(["name": .string(look.name),
                         "material_assigns": .array(look.assigns.map { .object($0.mapValues(JSONValue.string)) })])
            }),
            "renderers": .array(renderers.sorted().map(JSONValue.string)),
        ]
    }
}
