/// The `oiiotool` run that makes a thumbnail and a proxy of one image in one decode.
///
/// The first part (subimage) is read, its colour channels chosen (`ChannelSelection`), and the
/// image scaled down in its own colour space: scene-linear images are scaled while still linear
/// (so filtering is physically right), then shown through `ViewTransform`; display images
/// (8/16-bit PNG, JPEG, TIFF) are taken as sRGB already. The larger image is written first and the
/// smaller made from it. Metadata is erased and oiiotool's own is not added: a preview is shown
/// to Clients, and source metadata or the command line (which names server folders) must not leak.
public struct ImagePreviewCommand: Sendable {
    public var input: String
    public var image: ImageSummary
    /// Where each kind is written.
    public var outputs: [PreviewKind: String]

    public init(input: String, image: ImageSummary, outputs: [PreviewKind: String]) {
        self.input = input
        self.image = image
        self.outputs = outputs
    }

    public var arguments: [String] {
        var arguments = ["--nosoftwareattrib", input, "--subimage", "0",
                         "--ch", ChannelSelection.argument(for: image.channelNames, keepingAlpha: false)]
        let largestFirst = outputs.sorted { $0.key.longestSide > $1.key.longestSide }
        for (index, (kind, path)) in largestFirst.enumerated() {
            if let size = PreviewSize.fitting(width: image.width, height: image.height, longestSide: kind.longestSide) {
                arguments += ["--resize", PreviewSize.argument(size)]
            }
            if index == 0 {
                if image.isFloat { arguments += ViewTransform.arguments(keepingAlpha: false) }
                // EXIF orientation is applied after scaling, whose size is that of the stored pixels.
                arguments += ["--reorient", "--eraseattrib", ".*", "-d", "uint8"]
            }
            arguments += ["-o:quality=90", path]
        }
        return arguments
    }

    public func command(tool: String = "oiiotool", timeout: Double) -> ToolCommand {
        ToolCommand(tool, arguments, timeout: timeout)
    }
}
