import Foundation
import Testing
@testable import ComfyUIStandIn

@Suite("Execution order and file names follow ComfyUI's rules")
struct ExecutionOrderTests {
    @Test("ready output nodes go first, then the nodes that feed them: 1, 2, 6, 3, 4, 5")
    func uxFriendlyOrder() {
        let prompt = Recording("03-run-scale-blur-sharpen/post_prompt").requestBody["prompt"]!.objectValue!
        let outputs: Set<String> = ["5", "6"]
        var list = ExecutionList(prompt: prompt, cached: []) { outputs.contains($0) }
        for output in ["5", "6"] { list.add(output) }
        var order: [String] = []
        while let node = list.next() {
            order.append(node)
            list.complete(node)
        }
        #expect(order == ["1", "2", "6", "3", "4", "5"])
    }

    @Test("cached inputs are left out of the list")
    func cachedInputs() {
        let prompt = TestPrompts.invert().objectValue!
        var list = ExecutionList(prompt: prompt, cached: ["1", "2"]) { $0 == "3" }
        list.add("3")
        #expect(list.next() == "3")
    }

    @Test("the save counter continues after the highest number already in the folder, per name")
    func saveCounter() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("standin-counter-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("atlas"), withIntermediateDirectories: true)
        for name in ["plate_00001_.png", "plate_00007_.png", "plated_00009_.png", "other_00003_.png"] {
            FileManager.default.createFile(atPath: folder.appendingPathComponent("atlas/\(name)").path, contents: Data())
        }
        let path = try SaveImagePath(prefix: "atlas/plate", in: folder, width: 8, height: 8)
        #expect(path.subfolder == "atlas" && path.fileName(forFrame: 0) == "plate_00008_.png" && path.fileName(forFrame: 1) == "plate_00009_.png")
        #expect(throws: PythonException.self) { try SaveImagePath(prefix: "../escape/x", in: folder, width: 8, height: 8) }
    }
}
