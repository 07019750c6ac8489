import AtlasFormats
import Foundation

/// The re-encodings `/view` offers, as oiiotool operations, and the content type of a plain file.
enum ViewConversion {
    struct Operations: Sendable {
        var arguments: [String]
        var fileExtension: String
        var contentType: String
    }

    /// `preview=<format>;<quality>`: WebP unless JPEG is asked for without an alpha channel.
    static func preview(_ value: String, channel: String?) -> Operations {
        let parts = value.split(separator: ";", omittingEmptySubsequences: false)
        var format = String(parts.first ?? "webp")
        if !["webp", "jpeg"].contains(format) || (channel ?? "").contains("a") { format = "webp" }
        let quality = parts.last.flatMap { Int($0) } ?? 90
        var arguments = ["--compression", "\(format):\(quality)"]
        if format == "jpeg" || channel == "rgb" { arguments = colourArguments + arguments }
        return Operations(arguments: arguments, fileExtension: format == "jpeg" ? "jpg" : "webp", contentType: "image/\(format)")
    }

    /// `channel=rgb`: the colour planes as a PNG.
    static let colourPlanes = Operations(arguments: colourArguments, fileExtension: "png", contentType: "image/png")

    /// `channel=a`: black RGB with the file's alpha (opaque when it has none), as a PNG.
    static func alphaMask(of file: URL) -> Operations {
        let channels = FormatInspector().inspect(fileAt: file).image?.channelNames.count ?? 3
        let alpha = channels == 2 || channels == 4 ? String(channels - 1) : "1.0"
        return Operations(arguments: ["--ch", "0.0,0.0,0.0,\(alpha)", "--chnames", "R,G,B,A"], fileExtension: "png", contentType: "image/png")
    }

    /// Python's `mimetypes` for the files ComfyUI serves; active content is sent as a download.
    static func contentType(of name: String) -> String {
        let types = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp", "gif": "image/gif",
                     "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff", "svg": "image/svg+xml", "json": "application/json",
                     "txt": "text/plain", "mp4": "video/mp4", "webm": "video/webm", "wav": "audio/x-wav", "mp3": "audio/mpeg",
                     "flac": "audio/flac"]
        return types[PythonPath.splitext(name).ext.dropFirst().lowercased()] ?? "application/octet-stream"
    }

    private static let colourArguments = ["--ch", "0,1,2", "--chnames", "R,G,B"]
}
