import AtlasComfyUI
import AtlasCore

/// `/object_info` of the stock nodes the recordings use, merged from their per-class answers.
enum ObjectInfoFixture {
    static func recorded() throws -> ComfyUIObjectInfo {
        guard case .object(let perClass) = try Recording.json("00-server/object_info_nodes_used.json") else {
            throw RecordingError("object_info_nodes_used.json is not an object")
        }
        var classes: [String: ComfyUINodeInfo] = [:]
        for name in perClass.keys {
            let body = try Recording.json("00-server/object_info_nodes_used.json", name, "response", "body")
            classes.merge(ComfyUIObjectInfo(json: body).classes) { first, _ in first }
        }
        return ComfyUIObjectInfo(classes: classes)
    }
}
