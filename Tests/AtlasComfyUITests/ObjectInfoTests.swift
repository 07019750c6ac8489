import AtlasComfyUI
import AtlasCore
import Foundation
import Testing

@Suite("Node classes from /object_info")
struct ObjectInfoTests {
    @Test("numbers carry their range, lists their options, and links their type")
    func inputKinds() throws {
        let info = try ObjectInfoFixture.recorded()
        let width = try #require(info["EmptyImage"]?.inputs["width"])
        #expect(width.kind == .int && width.minimum == 1 && width.maximum == 16384 && width.defaultValue == 512 && width.isRequired)
        #expect(info["ImageBlur"]?.inputs["sigma"]?.kind == .float)
        #expect(info["ImageBlur"]?.inputs["sigma"]?.step == 0.1)
        #expect(info["ImageScale"]?.inputs["upscale_method"]?.kind == .combo(["nearest-exact", "bilinear", "area", "bicubic", "lanczos"]))
        #expect(info["SaveImage"]?.inputs["filename_prefix"]?.kind == .string)
        #expect(info["ImageInvert"]?.inputs["image"]?.kind == .connection("IMAGE"))
    }

    @Test("LoadImage's file list takes uploads, and hidden inputs are left out")
    func uploadsAndHidden() throws {
        let info = try ObjectInfoFixture.recorded()
        #expect(info["LoadImage"]?.inputs["image"]?.acceptsImageUpload == true)
        #expect(info["SaveImage"]?.inputs.keys.sorted() == ["filename_prefix", "images"])
    }

    @Test("save and preview nodes are output nodes; the others are not")
    func outputNodes() throws {
        let info = try ObjectInfoFixture.recorded()
        #expect(info["SaveImage"]?.isOutputNode == true)
        #expect(info["PreviewImage"]?.isOutputNode == true)
        #expect(info["SaveImageWebsocket"]?.isOutputNode == true)
        #expect(info["ImageBlur"]?.isOutputNode == false)
        #expect(info["LoadImage"]?.outputTypes == ["IMAGE", "MASK"])
    }

    @Test("an unknown class answers {}, which lists no class")
    func unknownClass() throws {
        let info = ComfyUIObjectInfo(json: try Recording.json("00-server/object_info_unknown_node.json", "response", "body"))
        #expect(info.classes.isEmpty)
    }

    @Test("V3 nodes may list their choices as COMBO with options")
    func v3Combo() {
        let spec = ComfyUIInputSpec(json: ["COMBO", ["options": ["a", "b"], "default": "a"]], isRequired: false)
        #expect(spec?.kind == .combo(["a", "b"]))
        #expect(spec?.isRequired == false)
    }
}
