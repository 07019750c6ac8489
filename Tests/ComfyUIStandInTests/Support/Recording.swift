import Foundation
import Testing
@testable import ComfyUIStandIn

/// A trimmed copy of a ComfyUI v0.12.1 recording (`Recordings/<dir>/<name>.json`). A missing or
/// unreadable one is recorded as a test issue and reads as `null`.
struct Recording {
    let json: JSON

    init(_ path: String) {
        let url = Bundle.module.url(forResource: "Recordings/\(path)", withExtension: "json")
        guard let url, let data = try? Data(contentsOf: url), let json = try? JSONParser.parse(Array(data)) else {
            Issue.record("no readable recording \(path)")
            json = .null
            return
        }
        self.json = json
    }

    static func bytes(_ path: String) -> Data {
        let name = (path as NSString).deletingPathExtension, ext = (path as NSString).pathExtension
        guard let url = Bundle.module.url(forResource: "Recordings/\(name)", withExtension: ext), let data = try? Data(contentsOf: url) else {
            Issue.record("no recording \(path)")
            return Data()
        }
        return data
    }

    subscript(_ path: String...) -> JSON {
        path.reduce(json) { value, key in
            if let index = Int(key), let items = value.arrayValue, items.indices.contains(index) { return items[index] }
            return value[key] ?? .null
        }
    }

    var requestBody: JSON { self["request", "body"] }
    var responseStatus: Int { Int(self["response", "status"].numberValue ?? 0) }
    var responseBody: JSON { self["response", "body"] }

    /// The text frames of a WebSocket recording, in order (markers and binary frames left out).
    static func textFrames(_ ws: JSON) -> [JSON] {
        (ws["messages"]?.arrayValue ?? []).filter { $0["type"] != nil }
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
