import Foundation

/// Binary WebSocket frames carrying preview images: a 4-byte big-endian event type, then
/// `PREVIEW_IMAGE` (1): a 4-byte image type (2 = PNG) and the image; or
/// `PREVIEW_IMAGE_WITH_METADATA` (4), for clients that declared `supports_preview_metadata`:
/// the length of a JSON metadata block, the block, and the image.
enum PreviewFrame {
    static func plain(png: Data) -> Data {
        bigEndian(1) + bigEndian(2) + png
    }

    static func withMetadata(png: Data, node: String, promptID: String) -> Data {
        let metadata: JSON = ["node_id": .string(node), "prompt_id": .string(promptID), "display_node_id": .string(node),
                              "parent_node_id": .null, "real_node_id": .string(node), "image_type": "image/png"]
        let block = Data(JSONWriter.write(metadata).utf8)
        return bigEndian(4) + bigEndian(UInt32(block.count)) + block + png
    }

    private static func bigEndian(_ value: UInt32) -> Data {
        withUnsafeBytes(of: value.bigEndian) { Data($0) }
    }
}
