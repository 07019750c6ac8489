/// The `oiiotool` run that converts an image (its first part, colour and alpha channels).
///
/// - To 8-bit targets (JPEG, PNG) a scene-linear (float) source goes through `ViewTransform`,
///   as previews do, so highlights are kept rather than clipped; display sources keep their
///   values (PNG keeps 16 bits).
/// - To TIFF a float source stays float and scene-linear: TIFF holds it without loss.
/// - To OpenEXR a display source is decoded from sRGB to linear and written as half float.
/// JPEG has no alpha; the others keep it. oiiotool's own metadata (the command line, which
/// names server folders) is not added; the source's is kept.
public struct ImageConversionCommand: Sendable {
    public var input: String
    public var image: ImageSummary
    public var target: ExportFormat
    public var output: String

    public init(input: String, image: ImageSummary, target: ExportFormat, output: String) {
        self.input = input
        self.image = image
        self.target = target
        self.output = output
    }

    public var arguments: [String] {
        let selection = ChannelSelection(image.channelNames)
        let alpha = target != .jpeg && selection.alpha != nil
        var arguments = ["--nosoftwareattrib", input, "--subimage", "0", "--ch", selection.argument(keepingAlpha: alpha)]
        if image.isFloat, target == .jpeg || target == .png { arguments += ViewTransform.arguments(keepingAlpha: alpha) }
        switch target {
        case .jpeg: arguments += ["-d", "uint8"]
        case .png where image.isFloat: arguments += ["-d", "uint8"]
        case .tiff where image.isFloat: arguments += ["-d", "float"]
        case .exr where !image.isFloat: arguments += ["--colorconvert", "sRGB", "linear", "-d", "half"]
        default: break
        }
        return arguments + [target == .jpeg ? "-o:quality=95" : "-o", output]
    }

    public func command(tool: String = "oiiotool", timeout: Double) -> ToolCommand {
        ToolCommand(tool, arguments, timeout: timeout)
    }
}
