import AtlasCore
import AtlasTestSupport
import Foundation
import Testing

@Suite("atlas inspect: what files are, from their bytes")
struct InspectCommandTests {
    @Test("A folder of frames and a PNG: each file's format and image, the sequence with its gap, and a cut EXR as an error (exit 1)")
    func inspectsAFolder() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("plates"), withIntermediateDirectories: true)
        for frame in [1001, 1002, 1004] {
            try ExternalTool.oiiotool(["--pattern", "constant:color=0.5,0.2,0.1", "64x32", "3", "-d", "half", "-o", folder.file("plates/plate.\(frame).exr")])
        }
        try ExternalTool.oiiotool(["--pattern", "constant:color=1,0,0", "32x16", "4", "-d", "uint8", "-o", folder.file("logo.png")])

        let clean = try await AtlasProcess.run(["inspect", folder.path])
        #expect(clean.exitCode == 0, "\(clean.output)")
        let report = try JSONDecoder().decode(JSONValue.self, from: Data(clean.output.utf8))
        let files = report["files"]?.array ?? []
        #expect(Set(files.compactMap { $0["format"]?.string }) == ["exr", "png"])
        let logo = try #require(files.first { $0["file_name"]?.string?.hasSuffix("/logo.png") == true })
        #expect(logo["image"]?["width"]?.int == 32)
        #expect(logo["image"]?["height"]?.int == 16)
        let sequence = try #require(report["sequences"]?[0])
        #expect(sequence["pattern"]?.string == "plate.####.exr")
        #expect(sequence["range"]?.string == "1001-1002,1004")
        #expect(sequence["issues"]?.array.compactMap { $0["code"]?.string } == ["sequence_gap"])

        let whole = try Data(contentsOf: URL(fileURLWithPath: folder.file("plates/plate.1001.exr")))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: folder.file("cut.exr")))
        let cut = try await AtlasProcess.run(["inspect", folder.file("cut.exr")])
        #expect(cut.exitCode == 1)
        #expect(cut.output.contains("exr_truncated"), "\(cut.output)")
    }
}
