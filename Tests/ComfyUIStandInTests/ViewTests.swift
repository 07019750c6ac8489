import Foundation
import Testing
@testable import ComfyUIStandIn

@Suite("GET /view serves and guards files as recorded (10-view)")
struct ViewTests {
    @Test("each recorded /view case gets the recorded status and headers")
    func recordedCases() async throws {
        try await withStandIn { session in
            let plate = Recording.bytes("01-upload/atlas_plate.png")
            _ = try await session.upload(MultipartForm().file("image", filename: "plate_v001.png", plate).field("subfolder", "atlas/shot010"))
            let prompt: JSON = ["1": ["class_type": "LoadImage", "inputs": ["image": "atlas/shot010/plate_v001.png"]],
                                "2": ["class_type": "SaveImage", "inputs": ["images": ["1", 0], "filename_prefix": "atlas/view/plate"]],
                                "3": ["class_type": "PreviewImage", "inputs": ["images": ["1", 0]]]]
            let promptID = try await session.submit(prompt)["prompt_id"]!.stringValue!
            let outputs = try await session.history(of: promptID)["outputs"]
            let saved = try #require(outputs?["2"]?["images"]?[0]?["filename"]?.stringValue)
            let preview = try #require(outputs?["3"]?["images"]?[0]?["filename"]?.stringValue)
            for (name, recorded) in Recording("10-view/view_cases").json.objectValue! {
                var query = recorded["request"]?["query"]?.objectValue ?? [:]
                for (key, value) in query {
                    // The recording saved plate_00002_ (its second run) and its own temp name.
                    let text = value.stringValue!.replacingOccurrences(of: "plate_00002_.png", with: saved)
                        .replacingOccurrences(of: "ComfyUI_temp_grjdd_00001_.png", with: preview)
                    query[key] = .string(text)
                }
                let path = "/view?" + query.map { "\($0.key)=\($0.value.stringValue!.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
                    .joined(separator: "&")
                let reply = try await session.get(path)
                let response = recorded["response"]!
                #expect(reply.status == Int(response["status"]!.numberValue!), "\(name)")
                #expect(reply.header("Content-Type") == response["headers"]?["Content-Type"]?.stringValue, "\(name)")
                if reply.status == 200 {
                    #expect(reply.header("Content-Disposition")?.hasPrefix("filename=\"") == true, "\(name)")
                    let head = response["body_binary"]?["head_hex"]?.stringValue?.prefix(8)
                    #expect(reply.body.prefix(4).map { String(format: "%02x", $0) }.joined() == head.map(String.init), "\(name)")
                } else {
                    #expect(reply.body.isEmpty, "\(name)")
                }
            }
        }
    }
}
