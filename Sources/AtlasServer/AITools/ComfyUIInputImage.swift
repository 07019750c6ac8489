import AtlasCore
import AtlasFormats
import Foundation

/// What ComfyUI's `LoadImage` is given for a stored image. LoadImage opens files with PIL, which
/// cannot read OpenEXR, Radiance HDR or float TIFF, so a plate would fail on every stock ComfyUI:
/// those are converted to an 8-bit sRGB PNG through the previews' view transform (highlights
/// compressed, not clipped; alpha kept). Every other file goes as it is.
enum ComfyUIInputImage {
    /// The name and bytes to upload for the file `name`, stored at `path`.
    static func prepare(name: String, path: String, converter: FormatConverter) async throws -> (fileName: String, data: Data) {
        let file = InspectedFile.inspecting(name: (name as NSString).lastPathComponent, url: URL(fileURLWithPath: path))
        guard needsConversion(file.report) else { return (file.name, try Data(contentsOf: file.url)) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-comfyui-input-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let written: [URL]
        do {
            written = try await converter.convert(file, to: .png, in: folder, hiding: [path])
        } catch {
            throw PermanentJobFailure("\(file.name) cannot be made into an image ComfyUI opens: \(error.reason)")
        }
        return (written[0].lastPathComponent, try Data(contentsOf: written[0]))
    }

    static func needsConversion(_ report: FormatReport) -> Bool {
        switch report.format {
        case .openEXR?, .radianceHDR?: true
        case .tiff?: report.image?.isFloat ?? false
        default: false
        }
    }
}
