import AtlasComfyUI
import AtlasCore
import Crypto
import Foundation

/// The result cache's key: the tool version, the content hashes of the input versions' files,
/// and every other value (seeds included). Equal keys mean ComfyUI would be asked the same thing.
enum AIRunCacheKey {
    /// An image input that takes one file of its version (a frame) is keyed by that file alone;
    /// a run over every frame of a sequence (`sequenceInput`) is keyed apart from a run on one image.
    static func make(tool: AIToolVersion, arguments: AIToolArguments, inputFiles: [String: [VersionFile]],
                     sequenceInput: String? = nil) -> String {
        let images = Dictionary(uniqueKeysWithValues: inputFiles.map { name, files in
            let used = arguments.files[name].map { path in files.filter { $0.path == path } } ?? files
            return (name, JSONValue.array(used.map { .string("\($0.path):\($0.sha256.hex)") }))
        })
        var key: [String: JSONValue] = ["tool_version": .string(tool.id.lowercased), "images": .object(images), "values": .object(arguments.values)]
        if let sequenceInput { key["sequence_input"] = .string(sequenceInput) }
        return SHA256.hash(data: Data(JSONCoding.text(JSONValue.object(key)).utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
