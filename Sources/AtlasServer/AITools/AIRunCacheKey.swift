import AtlasComfyUI
import AtlasCore
import Crypto
import Foundation

/// The result cache's key: the tool version, the content hashes of the input versions' files,
/// and every other value (seeds included). Equal keys mean ComfyUI would be asked the same thing.
enum AIRunCacheKey {
    static func make(tool: AIToolVersion, arguments: AIToolArguments, inputFiles: [String: [VersionFile]]) -> String {
        let images = inputFiles.mapValues { files in JSONValue.array(files.map { .string("\($0.path):\($0.sha256.hex)") }) }
        let key: JSONValue = ["tool_version": .string(tool.id.lowercased), "images": .object(images), "values": .object(arguments.values)]
        return SHA256.hash(data: Data(JSONCoding.text(key).utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
