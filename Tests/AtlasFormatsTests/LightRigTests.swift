import AtlasCore
import Foundation
import Testing
@testable import AtlasFormats

@Suite("Light rigs: lat-long HDRIs are recognised from their pixels' shape or their envmap attribute")
struct LightRigTests {
    let inspector = FormatInspector()

    @Test("A float EXR and a Radiance HDR twice as wide as high are lat-long HDRIs; a square EXR and an 8-bit PNG are not")
    func aspect() throws {
        let folder = try FixtureFolder()
        try folder.oiiotool(["--pattern", "constant:color=2,1,0.5", "128x64", "3", "-d", "half"], output: "sky.exr")
        try folder.oiiotool(["--pattern", "constant:color=2,1,0.5", "128x64", "3"], output: "sky.hdr")
        try folder.oiiotool(["--pattern", "constant:color=2,1,0.5", "64x64", "3", "-d", "half"], output: "square.exr")
        try folder.oiiotool(["--pattern", "constant:color=1,1,0.5", "128x64", "3", "-d", "uint8"], output: "banner.png")
        for name in ["sky.exr", "sky.hdr"] {
            let report = inspector.inspect(fileAt: folder.file(name))
            #expect(report.metadata["light_rig"] == .object(["kind": "hdri_latlong", "width": 128, "height": 64,
                                                             "detected_by": "aspect_ratio"]), "\(name)")
            #expect(report.suggestedTags == ["light_rig"])
        }
        for name in ["square.exr", "banner.png"] {
            #expect(inspector.inspect(fileAt: folder.file(name)).metadata["light_rig"] == nil, "\(name)")
        }
    }

    @Test("maketx --envlatl writes the envmap attribute: a lat-long environment whatever its shape")
    func envmapAttribute() throws {
        let folder = try FixtureFolder()
        try folder.oiiotool(["--pattern", "constant:color=2,1,0.5", "96x80", "3", "-d", "half"], output: "in.exr")
        try ExternalTool.maketx.run(["--envlatl", folder.path("in.exr"), "-o", folder.path("env.exr")])
        let header = try ExternalTool.exrheader.run([folder.path("env.exr")]).output
        #expect(header.contains("envmap (type envmap): latitude-longitude map"))
        let report = inspector.inspect(fileAt: folder.file("env.exr"))
        #expect(report.metadata["light_rig"]?["detected_by"] == "envmap_attribute", "\(String(describing: report.metadata["light_rig"]))")
    }
}
