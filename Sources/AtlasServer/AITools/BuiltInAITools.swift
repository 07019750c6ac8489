import AtlasCore
import Foundation

/// Tools Atlas ships that run on a stock ComfyUI with no model weights: only core image nodes.
/// Registered at every start like any other tool (same content adds no version).
enum BuiltInAITools {
    static var all: [AIToolContent] {
        get throws { try [invert, scale, resize, blur, sharpen].map { try AIToolContent.decode(JSONCoding.value($0) ?? .null) } }
    }

    /// The image chain of each tool, between `LoadImage` ("1") and `SaveImage` (the last node).
    private static func tool(_ manifest: String, _ nodes: String, save: String, from: String) -> String {
        """
        {"manifest": \(manifest), "workflow": {
          "1": {"class_type": "LoadImage", "inputs": {"image": "example.png"}},
          \(nodes),
          "\(save)": {"class_type": "SaveImage", "inputs": {"images": ["\(from)", 0], "filename_prefix": "atlas"}}}}
        """
    }

    private static let imageInput = #"{"name": "image", "type": "image", "node": "1", "field": "image", "title": "Image"}"#

    static let invert = tool(#"""
        {"name": "invert", "title": "Invert", "description": "Inverts the colours of an image.", "category": "color",
         "inputs": [\#(imageInput)], "outputs": [{"name": "result", "node": "3", "type": "image"}]}
        """#, #""2": {"class_type": "ImageInvert", "inputs": {"image": ["1", 0]}}"#, save: "3", from: "2")

    static let scale = tool(#"""
        {"name": "scale", "title": "Scale", "description": "Scales an image by a factor.", "category": "resize",
         "inputs": [\#(imageInput),
           {"name": "factor", "type": "float", "node": "2", "field": "scale_by", "default": 0.5, "min": 0.01, "max": 8, "step": 0.01},
           {"name": "method", "type": "enum", "node": "2", "field": "upscale_method", "default": "bilinear",
            "options": ["nearest-exact", "bilinear", "area", "bicubic", "lanczos"]}],
         "outputs": [{"name": "result", "node": "3", "type": "image"}]}
        """#, #""2": {"class_type": "ImageScaleBy", "inputs": {"image": ["1", 0], "upscale_method": "bilinear", "scale_by": 0.5}}"#,
        save: "3", from: "2")

    static let resize = tool(#"""
        {"name": "resize", "title": "Resize", "description": "Resizes an image to a width and height.", "category": "resize",
         "inputs": [\#(imageInput),
           {"name": "width", "type": "int", "node": "2", "field": "width", "default": 512, "min": 1, "max": 16384},
           {"name": "height", "type": "int", "node": "2", "field": "height", "default": 512, "min": 1, "max": 16384},
           {"name": "method", "type": "enum", "node": "2", "field": "upscale_method", "default": "bilinear",
            "options": ["nearest-exact", "bilinear", "area", "bicubic", "lanczos"]},
           {"name": "crop", "type": "enum", "node": "2", "field": "crop", "default": "disabled", "options": ["disabled", "center"]}],
         "outputs": [{"name": "result", "node": "3", "type": "image"}]}
        """#, #""2": {"class_type": "ImageScale", "inputs": {"image": ["1", 0], "upscale_method": "bilinear", "width": 512, "height": 512, "crop": "disabled"}}"#,
        save: "3", from: "2")

    static let blur = tool(#"""
        {"name": "blur", "title": "Blur", "description": "Gaussian blur.", "category": "filter",
         "inputs": [\#(imageInput),
           {"name": "radius", "type": "int", "node": "2", "field": "blur_radius", "default": 3, "min": 1, "max": 31, "step": 1},
           {"name": "sigma", "type": "float", "node": "2", "field": "sigma", "default": 1.0, "min": 0.1, "max": 10, "step": 0.1}],
         "outputs": [{"name": "result", "node": "3", "type": "image"}]}
        """#, #""2": {"class_type": "ImageBlur", "inputs": {"image": ["1", 0], "blur_radius": 3, "sigma": 1.0}}"#, save: "3", from: "2")

    static let sharpen = tool(#"""
        {"name": "sharpen", "title": "Sharpen", "description": "Unsharp-mask sharpening.", "category": "filter",
         "inputs": [\#(imageInput),
           {"name": "radius", "type": "int", "node": "2", "field": "sharpen_radius", "default": 1, "min": 1, "max": 31, "step": 1},
           {"name": "sigma", "type": "float", "node": "2", "field": "sigma", "default": 1.0, "min": 0.1, "max": 10, "step": 0.01},
           {"name": "alpha", "type": "float", "node": "2", "field": "alpha", "default": 1.0, "min": 0, "max": 5, "step": 0.01}],
         "outputs": [{"name": "result", "node": "3", "type": "image"}]}
        """#, #""2": {"class_type": "ImageSharpen", "inputs": {"image": ["1", 0], "sharpen_radius": 1, "sigma": 1.0, "alpha": 1.0}}"#,
        save: "3", from: "2")
}
