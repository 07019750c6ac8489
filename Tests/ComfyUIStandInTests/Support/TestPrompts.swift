@testable import ComfyUIStandIn

/// Small API-format prompts for the tests.
enum TestPrompts {
    /// EmptyImage → ImageInvert → SaveImage: one oiiotool run.
    static func invert(prefix: String = "atlas/test/invert", color: Int = 0x336699, size: Int = 8) -> JSON {
        ["1": ["class_type": "EmptyImage", "inputs": ["width": .int(size), "height": .int(size), "batch_size": 1, "color": .int(color)]],
         "2": ["class_type": "ImageInvert", "inputs": ["image": ["1", 0]]],
         "3": ["class_type": "SaveImage", "inputs": ["images": ["2", 0], "filename_prefix": .string(prefix)]]]
    }

    /// A chain of `blurs` blur nodes (ids 10, 11, …) ending in SaveImage `99`: slow it down with
    /// the `slowNodes` fault to have something to interrupt or queue behind.
    static func chain(blurs: Int, prefix: String = "atlas/test/chain", color: Int = 0x102030) -> JSON {
        var prompt: JSONObject = ["1": ["class_type": "EmptyImage", "inputs": ["width": 8, "height": 8, "batch_size": 1, "color": .int(color)]]]
        var previous = "1"
        for index in 0..<blurs {
            let id = String(10 + index)
            prompt[id] = ["class_type": "ImageBlur", "inputs": ["image": [.string(previous), 0], "blur_radius": 3, "sigma": 1.0]]
            previous = id
        }
        prompt["99"] = ["class_type": "SaveImage", "inputs": ["images": [.string(previous), 0], "filename_prefix": .string(prefix)]]
        return .object(prompt)
    }
}
