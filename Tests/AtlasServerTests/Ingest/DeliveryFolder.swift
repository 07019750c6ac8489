import AtlasTestSupport
import Foundation

/// Folders to ingest, made by real tools the way a vendor's delivery looks.
struct DeliveryFolder {
    let directory: TemporaryDirectory
    /// Beside the folder, for a link that leads out of it.
    var outside: TemporaryDirectory?
    var path: String { directory.path }

    /// The frames of the plate: ten, with 1005 missing.
    static let plateFrames = [1001, 1002, 1003, 1004, 1006, 1007, 1008, 1009, 1010, 1011]

    /// `plates/plate.####.exr` (ten RGBA half frames by oiiotool, a gap at 1005), `set/chair.usda`
    /// naming `set/textures/wood.png`, a lone `logo.png`, a cut EXR, an empty EXR, hidden files, and
    /// a symbolic link to a file outside the folder.
    static func mixed() throws -> DeliveryFolder {
        let folder = DeliveryFolder(directory: try TemporaryDirectory(prefix: "atlas-delivery"),
                                    outside: try TemporaryDirectory(prefix: "atlas-elsewhere"))
        for sub in ["plates", "set/textures", "broken", ".cache"] {
            try FileManager.default.createDirectory(atPath: folder.directory.file(sub), withIntermediateDirectories: true)
        }
        var frames = ["--nosoftwareattrib", "--pattern", "fill:top=0.1,0.2,0.3,1:bottom=0.8,0.7,0.6,1", "64x32", "4", "-d", "half"]
        for frame in plateFrames {
            frames += ["--attrib", "frame", String(frame), "-o", folder.directory.file("plates/plate.\(frame).exr")]
        }
        try ExternalTool.oiiotool(frames)
        try ExternalTool.oiiotool(["--pattern", "checker:width=4:height=4", "32x32", "3", "-d", "uint8",
                                   "-o", folder.directory.file("set/textures/wood.png")])
        try Data(chair.utf8).write(to: URL(fileURLWithPath: folder.directory.file("set/chair.usda")))
        try folder.makeLogo(color: "1,0,0")

        let frame = try Data(contentsOf: URL(fileURLWithPath: folder.directory.file("plates/plate.1001.exr")))
        try frame.prefix(frame.count / 2).write(to: URL(fileURLWithPath: folder.directory.file("broken/cut.exr")))
        FileManager.default.createFile(atPath: folder.directory.file("empty.exr"), contents: Data())
        try frame.write(to: URL(fileURLWithPath: folder.directory.file(".cache/plate.1001.exr")))
        FileManager.default.createFile(atPath: folder.directory.file(".DS_Store"), contents: Data("junk".utf8))
        let elsewhere = folder.outside!.file("private.png")
        try FileManager.default.copyItem(atPath: folder.directory.file("logo.png"), toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: folder.directory.file("outside.png"), withDestinationPath: elsewhere)
        return folder
    }

    /// `count` small PNG stills of different colours, one asset each (named with letters, so
    /// that no two read as frames of a sequence).
    static func stills(_ count: Int) throws -> DeliveryFolder {
        let folder = DeliveryFolder(directory: try TemporaryDirectory(prefix: "atlas-stills"))
        var arguments = ["--nosoftwareattrib"]
        for index in 0..<count {
            let color = [index % 7, index / 7 % 7, index / 49 % 7].map { String(format: "%.3f", Double($0) / 6) }.joined(separator: ",")
            arguments += ["--pattern", "constant:color=\(color)", "48x48", "3", "-d", "uint8", "-o", folder.directory.file(stillName(index))]
        }
        try ExternalTool.oiiotool(arguments)
        return folder
    }

    /// `still_ab.png`: the index in letters.
    static func stillName(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return "still_\(letters[index / 26 % 26])\(letters[index % 26]).png"
    }

    /// Writes `logo.png` in a flat colour (`r,g,b`).
    func makeLogo(color: String) throws {
        try ExternalTool.oiiotool(["--nosoftwareattrib", "--pattern", "constant:color=\(color)", "24x12", "3", "-d", "uint8",
                                   "-o", directory.file("logo.png")])
    }

    /// The SHA-256 of a file in the folder.
    func sha256(_ relativePath: String) throws -> String {
        Fixtures.sha256(try Data(contentsOf: URL(fileURLWithPath: directory.file(relativePath))))
    }

    func remove() {
        directory.remove()
        outside?.remove()
    }

    private static let chair = """
        #usda 1.0
        (
            defaultPrim = "Chair"
            upAxis = "Y"
        )

        def Xform "Chair"
        {
            def Mesh "Seat"
            {
                point3f[] points = [(0, 0, 0), (1, 0, 0), (1, 0, 1)]
                int[] faceVertexCounts = [3]
                int[] faceVertexIndices = [0, 1, 2]
            }

            def Material "Wood"
            {
                def Shader "Albedo"
                {
                    uniform token info:id = "UsdUVTexture"
                    asset inputs:file = @textures/wood.png@
                }
            }
        }

        """
}
