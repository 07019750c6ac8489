import Foundation
import Testing
@testable import AtlasFormats

@Suite("Making previews with the real tools")
struct PreviewMakerTests {
    /// The images of a `.made` outcome by kind; records an issue otherwise.
    private func images(_ outcome: PreviewOutcome) -> [PreviewKind: URL] {
        guard case .made(let images, _) = outcome else {
            Issue.record("expected previews, got \(outcome)")
            return [:]
        }
        return Dictionary(uniqueKeysWithValues: images.map { ($0.kind, $0.url) })
    }

    private func inspected(_ folder: FixtureFolder, _ names: [String]) -> [InspectedFile] {
        names.map { InspectedFile.inspecting(name: $0, url: folder.file($0)) }
    }

    @Test("A 3000×1500 EXR gets a 2048 proxy and a 512 thumbnail, JPEG, RGB, uint8")
    func exrSizes() async throws {
        let folder = try FixtureFolder()
        try folder.oiiotool(["--pattern", "fill:left=0,0,0:right=4,2,1", "3000x1500", "4", "-d", "half"], output: "wide.exr")
        let out = try FixtureFolder()
        let made = images(await PreviewMaker().make(PreviewSubject.choose(from: inspected(folder, ["wide.exr"])), in: out.url))
        let proxy = try OIIOInfo.of(try #require(made[.proxy]).path)
        let thumbnail = try OIIOInfo.of(try #require(made[.thumbnail]).path)
        #expect((proxy.width, proxy.height, proxy.channelCount, proxy.dataFormat) == (2048, 1024, 3, "uint8"))
        #expect((thumbnail.width, thumbnail.height) == (512, 256))
        #expect(try Data(contentsOf: made[.thumbnail]!).prefix(3) == Data([0xFF, 0xD8, 0xFF]))
    }

    @Test("Luminance-only and multi-part EXRs: grey from Y, colour from the first part")
    func channelsAndParts() async throws {
        let folder = try FixtureFolder()
        try folder.oiiotool(["--pattern", "constant:color=0.5", "64x32", "1", "--chnames", "Y", "-d", "half"], output: "grey.exr")
        try folder.oiiotool(["--pattern", "constant:color=0,0,1", "64x32", "3", "--attrib", "name", "depthish", "--chnames", "Z,X,W"], output: "p1.exr")
        try folder.oiiotool(["--pattern", "constant:color=0.18,0,0", "64x32", "3", "--attrib", "name", "beauty"], output: "p0.exr")
        try ExternalTool.oiiotool.run([folder.path("p0.exr"), folder.path("p1.exr"), "--siappend", "-o", folder.path("parts.exr")])
        var averages: [String: [Double]] = [:]
        for name in ["grey.exr", "parts.exr"] {
            let out = try FixtureFolder()
            let made = images(await PreviewMaker().make(.image(inspected(folder, [name])[0]), in: out.url))
            let thumbnail = try #require(made[.thumbnail]).path
            let info = try OIIOInfo.of(thumbnail)
            #expect((info.width, info.height, info.channelCount) == (64, 32, 3), "\(name): never enlarged")
            averages[name] = try average(thumbnail)
        }
        let grey = try #require(averages["grey.exr"]), parts = try #require(averages["parts.exr"])
        #expect(abs(grey[0] - grey[2]) < 3 && grey[0] > 100, "Y shown as grey: \(grey)")
        #expect(parts[0] > 80 && parts[2] < 20, "the first part's red, not the second part's channels: \(parts)")
    }

    /// The mean of each channel (0–255) of an 8-bit image, by `oiiotool --printstats`.
    private func average(_ path: String) throws -> [Double] {
        let output = try ExternalTool.oiiotool.run([path, "--printstats"]).output
        let line = output.split(separator: "\n").first { $0.contains("Stats Avg:") } ?? ""
        return line.components(separatedBy: "Stats Avg:").last?.split(separator: " ").compactMap { Double($0) } ?? []
    }

    @Test("A sequence shows its middle frame and a contact sheet of its frames")
    func sequence() async throws {
        let folder = try FixtureFolder()
        for frame in 1001...1005 {
            try folder.oiiotool(["--pattern", "constant:color=0.\(frame - 1000),0.2,0.1", "320x180", "3", "-d", "half"], output: "plate.\(frame).exr")
        }
        let subject = PreviewSubject.choose(from: inspected(folder, (1001...1005).map { "plate.\($0).exr" }))
        guard case .sequence(let pattern, let frames) = subject else { Issue.record("not a sequence: \(subject)"); return }
        #expect(pattern == "plate.####.exr" && frames.count == 5)
        let out = try FixtureFolder()
        let made = images(await PreviewMaker().make(subject, in: out.url))
        #expect(Set(made.keys) == [.thumbnail, .proxy, .contactSheet])
        let sheet = try OIIOInfo.of(try #require(made[.contactSheet]).path)
        #expect((sheet.width, sheet.height) == (3 * 320 + 2 * ContactSheetCommand.padding, 2 * 180 + ContactSheetCommand.padding))
    }

    @Test("Truncated EXR and TIFF fail with a reason (the TIFF one although OIIO decodes it as black)")
    func truncated() async throws {
        let folder = try FixtureFolder()
        let exr = try folder.oiiotool(["--pattern", "noise", "256x256", "3", "-d", "half"], output: "whole.exr")
        try folder.write(Array(exr.prefix(exr.count / 2)), to: "cut.exr")
        let tiff = try folder.oiiotool(["--pattern", "noise", "256x256", "3", "-d", "uint8", "--compression", "none"], output: "whole.tif")
        try folder.write(Array(tiff.prefix(tiff.count / 2)), to: "cut.tif")
        for name in ["cut.exr", "cut.tif"] {
            let out = try FixtureFolder()
            let outcome = await PreviewMaker().make(.image(inspected(folder, [name])[0]), in: out.url, hiding: [folder.url.path])
            guard case .failed(let reason) = outcome else { Issue.record("\(name): \(outcome)"); continue }
            #expect(reason.contains(name), "\(reason)")
            #expect(!reason.contains(folder.url.path), "no server path in \(reason)")
        }
    }

    @Test("A tool that runs past its timeout is stopped and the preview fails saying so")
    func hang() async throws {
        let folder = try FixtureFolder()
        try folder.oiiotool(["--pattern", "noise", "2048x2048", "4", "-d", "float"], output: "big.exr")
        var tools = PreviewTools()
        tools.imageTimeout = 0.02
        let out = try FixtureFolder()
        let outcome = await PreviewMaker(tools: tools).make(.image(inspected(folder, ["big.exr"])[0]), in: out.url)
        guard case .failed(let reason) = outcome else { Issue.record("\(outcome)"); return }
        #expect(reason.contains("did not finish"), "\(reason)")
    }

    @Test("A model without Blender is unavailable, saying so; a text file has nothing to show")
    func unavailable() async throws {
        let folder = try FixtureFolder()
        try Data("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n".utf8).write(to: folder.file("tri.obj"))
        try Data("just notes".utf8).write(to: folder.file("notes.txt"))
        var tools = PreviewTools()
        tools.blender = "atlas-no-blender-here"
        let out = try FixtureFolder()
        let subject = PreviewSubject.choose(from: inspected(folder, ["tri.obj", "notes.txt"]))
        #expect(await PreviewMaker(tools: tools).make(subject, in: out.url) == .unavailable("Blender is not installed"))
        guard case .nothing = PreviewSubject.choose(from: inspected(folder, ["notes.txt"])) else { Issue.record("text is not previewable"); return }
    }
}
