import AtlasComfyUI
import AtlasCore

/// Tools over the recorded workflows.
enum ToolFixture {
    /// LoadImage → ImageInvert → SaveImage (`02-run-invert`).
    static func invertWorkflow() throws -> ComfyUIWorkflow {
        try ComfyUIWorkflow(json: Recording.json("02-run-invert/post_prompt.json", "request", "body", "prompt"))
    }

    static let invert = AIToolManifest(
        name: "invert", title: "Invert", description: "Inverts the colours of a plate.", category: "color",
        inputs: [AIToolInput(name: "plate", type: .image, node: "1", field: "image")],
        outputs: [AIToolOutput(name: "inverted", node: "3", type: .image)])

    /// EmptyImage → ImageScale → ImageBlur → ImageSharpen → SaveImage, plus PreviewImage (`03-run-scale-blur-sharpen`).
    static func cardWorkflow() throws -> ComfyUIWorkflow {
        try ComfyUIWorkflow(json: Recording.json("03-run-scale-blur-sharpen/post_prompt.json", "request", "body", "prompt"))
    }

    static let card = AIToolManifest(
        name: "soft-card", title: "Soft card", category: "generate", version: "1.2",
        inputs: [
            AIToolInput(name: "radius", type: .int, node: "3", field: "blur_radius", defaultValue: 3, minimum: 1, maximum: 31, step: 1),
            AIToolInput(name: "sigma", type: .float, node: "3", field: "sigma", defaultValue: 1.5, minimum: 0.1, maximum: 10, step: 0.1),
            AIToolInput(name: "method", type: .enum, node: "2", field: "upscale_method", defaultValue: "bilinear",
                        options: ["bilinear", "bicubic", "lanczos"]),
            AIToolInput(name: "color", type: .int, node: "1", field: "color", required: false, minimum: 0, maximum: 16_777_215),
            AIToolInput(name: "label", type: .string, node: "5", field: "filename_prefix", required: false),
        ],
        outputs: [AIToolOutput(name: "card", node: "5", type: .image), AIToolOutput(name: "scaled_preview", node: "6", type: .image)])
}
