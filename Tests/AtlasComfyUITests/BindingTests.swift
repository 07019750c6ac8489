import AtlasComfyUI
import AtlasCore
import Foundation
import Testing

@Suite("Binding a run's inputs into its prompt")
struct BindingTests {
    @Test("an image input names the uploaded file and every save node writes into the job's folder")
    func invert() throws {
        let folder = ComfyUIJobFolder(jobID: "0190f0aa-7b1c-7d2e-8f00-1234567890ab")
        let arguments = try ToolFixture.invert.arguments(from: ["plate": .string(UUID().uuidString)])
        let uploaded = ComfyUIFileReference(filename: "plate (1).png", subfolder: folder.path, type: "input")
        let prompt = try ToolFixture.invert.prompt(workflow: ToolFixture.invertWorkflow(), arguments: arguments,
                                                   uploadedImages: ["plate": uploaded], folder: folder)
        #expect(prompt.nodes["1"]?.inputs["image"] == .literal("atlas/0190f0aa-7b1c-7d2e-8f00-1234567890ab/plate (1).png"))
        #expect(prompt.nodes["3"]?.inputs["filename_prefix"] == .literal("atlas/0190f0aa-7b1c-7d2e-8f00-1234567890ab/3"))
        #expect(prompt.nodes["2"] == (try ToolFixture.invertWorkflow()).nodes["2"])
    }

    @Test("values replace the workflow's, and a bound filename_prefix is still rewritten")
    func values() throws {
        let arguments = try ToolFixture.card.arguments(from: ["radius": 7, "method": "lanczos", "label": "mine"])
        let prompt = try ToolFixture.card.prompt(workflow: ToolFixture.cardWorkflow(), arguments: arguments, uploadedImages: [:],
                                                 folder: ComfyUIJobFolder(jobID: "job"))
        #expect(prompt.nodes["3"]?.inputs["blur_radius"] == .literal(7))
        #expect(prompt.nodes["3"]?.inputs["sigma"] == .literal(1.5))
        #expect(prompt.nodes["2"]?.inputs["upscale_method"] == .literal("lanczos"))
        #expect(prompt.nodes["1"]?.inputs["color"] == .literal(13_395_507))
        #expect(prompt.nodes["5"]?.inputs["filename_prefix"] == .literal("atlas/job/5"))
        #expect(prompt.nodes["6"]?.inputs["filename_prefix"] == nil)
    }

    @Test("an image that was not uploaded is refused rather than left pointing at the workflow's file")
    func notUploaded() throws {
        let arguments = try ToolFixture.invert.arguments(from: ["plate": .string(UUID().uuidString)])
        #expect(throws: AIToolValidationError([AIToolFieldError(field: "inputs.plate", code: "image_not_uploaded",
                                                                message: "the image was not uploaded to the ComfyUI server")])) {
            try ToolFixture.invert.prompt(workflow: ToolFixture.invertWorkflow(), arguments: arguments, uploadedImages: [:],
                                          folder: ComfyUIJobFolder(jobID: "job"))
        }
    }

    @Test("job and node ids cannot lead a prefix out of the job's folder")
    func folder() {
        let folder = ComfyUIJobFolder(jobID: "../../etc")
        #expect(folder.path == "atlas/______etc")
        #expect(folder.outputPrefix(node: "save/../x") == "atlas/______etc/save____x")
    }
}
