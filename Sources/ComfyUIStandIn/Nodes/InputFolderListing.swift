import Foundation

/// The files `LoadImage` offers: top-level files of the input folder whose extension names an
/// image type (Python filters on `mimetypes`), sorted.
enum InputFolderListing {
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "jpe", "gif", "bmp", "webp", "tif", "tiff", "ico",
                                               "svg", "avif", "heic", "heif", "pbm", "pgm", "ppm", "pnm", "ras", "xbm", "xpm", "ief"]

    static func images(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue && imageExtensions.contains(PythonPath.splitext(name).ext.dropFirst().lowercased())
        }
        .sorted { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }
    }
}
