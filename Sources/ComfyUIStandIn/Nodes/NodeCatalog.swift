/// The node classes of the stand-in (ComfyUI's `NODE_CLASS_MAPPINGS`), in the order
/// `/object_info` lists them.
struct NodeCatalog: Sendable {
    private(set) var classTypes: [String] = []
    private var definitions: [String: NodeDefinition] = [:]

    /// Every implemented class, with the `node_info` recorded from ComfyUI v0.12.1.
    static let standard: NodeCatalog = {
        let operations: [String: any NodeOperation] = [
            "LoadImage": LoadImageNode(),
            "ImageInvert": ImageInvertNode(),
            "SaveImage": SaveImageNode(destination: .output),
            "PreviewImage": SaveImageNode(destination: .preview),
            "EmptyImage": EmptyImageNode(),
            "ImageScale": ImageScaleNode(),
            "ImageScaleBy": ImageScaleByNode(),
            "ImageBlur": ImageBlurNode(),
            "ImageSharpen": ImageSharpenNode(),
            "ImageBatch": ImageBatchNode(),
            "RepeatImageBatch": RepeatImageBatchNode(),
            "SaveImageWebsocket": SaveImageWebsocketNode(),
            "EmptyLatentImage": EmptyLatentImageNode(),
        ]
        var catalog = NodeCatalog()
        for line in RecordedNodeInfo.lines.split(separator: "\n") {
            guard let entry = try? JSONParser.parse(String(line)).objectValue, let classType = entry.keys.first,
                  let infoObject = entry[classType]?.objectValue, let operation = operations[classType] else {
                preconditionFailure("RecordedNodeInfo holds a line that is not a known class's node_info")
            }
            catalog.add(NodeDefinition(schema: NodeSchema(classType: classType, info: infoObject), operation: operation))
        }
        return catalog
    }()

    mutating func add(_ definition: NodeDefinition) {
        if definitions[definition.schema.classType] == nil { classTypes.append(definition.schema.classType) }
        definitions[definition.schema.classType] = definition
    }

    subscript(classType: String) -> NodeDefinition? { definitions[classType] }

    /// The `node_info` of one class as `/object_info` serves it now.
    func nodeInfo(_ classType: String, environment: NodeEnvironment) -> JSONObject? {
        definitions[classType].map { $0.operation.describe($0.schema.info, environment: environment) }
    }
}
