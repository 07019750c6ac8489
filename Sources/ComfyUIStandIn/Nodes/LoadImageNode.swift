import AtlasFormats
import Foundation

/// `LoadImage`: an image of the input folder (or an annotated path) as an RGB batch of one and
/// its mask (1 − alpha). Its own validation replaces the combo check, so files in subfolders
/// pass; content is only checked when it runs, like PIL's `Image.open`.
struct LoadImageNode: NodeOperation {
    var selfValidatedInputs: [String] { ["image"] }

    func validate(_ values: [String: JSON], environment: NodeEnvironment) throws(PythonException) -> String? {
        let image = values["image"] ?? .null
        guard let name = image.stringValue else { throw .attributeError(image, "endswith") }
        let path = AnnotatedFilePath(name, folders: environment.folders).path(defaultFolder: environment.folders.input)
        return FileManager.default.fileExists(atPath: path) ? nil : "Invalid image file: \(name)"
    }

    /// Python hashes the file (sha256), so a re-upload of other bytes under the same name runs again.
    func fingerprint(_ inputs: JSONObject, environment: NodeEnvironment) -> JSON? {
        guard let name = inputs["image"]?.stringValue else { return .double(.nan) }
        let path = AnnotatedFilePath(name, folders: environment.folders).path(defaultFolder: environment.folders.input)
        guard let digest = FileDigest.sha256(ofFileAt: URL(fileURLWithPath: path)) else { return .double(.nan) }
        return .string(digest)
    }

    /// Lists the input folder's top-level images, as the `image` combo does in Python.
    func describe(_ recorded: JSONObject, environment: NodeEnvironment) -> JSONObject {
        var info = recorded
        guard var input = info["input"]?.objectValue, var required = input["required"]?.objectValue,
              var spec = required["image"]?.arrayValue, !spec.isEmpty else { return info }
        spec[0] = .strings(InputFolderListing.images(in: environment.folders.input))
        required["image"] = .array(spec)
        input["required"] = .object(required)
        info["input"] = .object(input)
        return info
    }

    func run(_ call: NodeCall) async throws -> NodeResult {
        let name = try call.string("image")
        let path = AnnotatedFilePath(name, folders: call.environment.folders).path(defaultFolder: call.environment.folders.input)
        let file = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: path) else {
            throw PythonException(type: "FileNotFoundError", message: "[Errno 2] No such file or directory: \(PythonText.repr(path))")
        }
        guard let shape = await Self.shape(of: file, renderer: call.environment.renderer) else {
            throw PythonException(type: "PIL.UnidentifiedImageError", message: "cannot identify image file \(PythonText.repr(path))")
        }
        let source = ["--evaloff", path, "--reorient"]
        // Integer channel lists pick channels by index (`R=0` would fill with the constant 0).
        let rgb = ImageFrame(recipe: source + ["--ch", shape.channels >= 3 ? "0,1,2" : "0,0,0", "--chnames", "R,G,B"],
                             width: shape.width, height: shape.height)
        let mask = shape.hasAlpha
            ? ImageFrame(recipe: source + ["--ch", String(shape.channels - 1), "--invert"], width: shape.width, height: shape.height)
            : ImageFrame(recipe: ["--pattern", "constant:color=0", "64x64", "1"], width: 64, height: 64)
        return NodeResult(outputs: [.images(ImageBatch(frames: [rgb])), .mask(ImageBatch(frames: [mask]))])
    }

    /// Size and channels of a file PIL would open. OpenEXR and Radiance HDR are images PIL
    /// cannot identify; formats the native readers do not parse are probed with oiiotool.
    private static func shape(of file: URL, renderer: ImageRenderer) async -> (width: Int, height: Int, channels: Int, hasAlpha: Bool)? {
        let report = FormatInspector().inspect(fileAt: file)
        switch report.format {
        case .png?, .jpeg?, .tiff?:
            guard let image = report.image else { return nil }
            let channels = image.channelNames.count
            return (image.width, image.height, channels, channels == 2 || channels == 4)
        case nil:
            guard let probed = await renderer.probe(file) else { return nil }
            return (probed.width, probed.height, probed.channels, probed.channels == 2 || probed.channels == 4)
        default:
            return nil
        }
    }
}
