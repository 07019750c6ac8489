import AtlasCore
import AtlasFormats
import AtlasTestSupport
import Foundation
import Testing
@testable import AtlasServer

@Suite("Version inspection runs the external tools and tags the asset with what the content suggests")
struct VersionInspectionToolsTests {
    /// The venv's Python with usd-core and MaterialX (scripts/format-tools makes it).
    static var python: String {
        get throws {
            var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            while url.path != "/", !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                url.deleteLastPathComponent()
            }
            let python = url.appendingPathComponent(".build/venv/bin/python").path
            guard FileManager.default.isExecutableFile(atPath: python) else {
                throw TestSupportError("no .build/venv/bin/python: run scripts/format-tools (installs usd-core and MaterialX)")
            }
            return python
        }
    }

    static let look = #"""
        #usda 1.0
        (
            defaultPrim = "Look"
            upAxis = "Y"
            metersPerUnit = 0.01
        )
        def Xform "Look"
        {
            def Material "Glass"
            {
                token outputs:redshift:surface.connect = </Look/Glass/RS.outputs:outColor>
                def Shader "RS"
                {
                    uniform token info:id = "redshift::StandardMaterial"
                    asset inputs:tex = @tex/glass_missing.exr@
                    token outputs:outColor
                }
            }
            def DomeLight "Sky"
            {
                asset inputs:texture:file = @hdri/sky.hdr@
            }
        }
        """#

    static let material = #"""
        <?xml version="1.0"?>
        <materialx version="1.39" fileprefix="tex/">
          <standard_surface name="SR_metal" type="surfaceshader" target="arnold" />
          <surfacematerial name="M_metal" type="material">
            <input name="surfaceshader" type="surfaceshader" nodename="SR_metal" />
          </surfacematerial>
        </materialx>
        """#

    @Test("A USD look with a Redshift material and a dome light, and an Arnold MaterialX: usd-core's findings stored, tags added by the job and audited",
          arguments: TestDatabase.available)
    func tagsAndToolFindings(_ database: TestDatabase) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try ExternalTool.oiiotool(["--pattern", "constant:color=2,1,0.5", "128x64", "3", "-o", folder.file("sky.hdr")])
        let sky = try Data(contentsOf: URL(fileURLWithPath: folder.file("sky.hdr")))
        let tools = ToolSettings(python: try Self.python, timeout: 120)
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Looks", code: "LKS")
            let asset = try await t.client.createAsset(project: project, name: "glass look", type: "material", files: [
                ("look/look.usda", Data(Self.look.utf8)), ("look/hdri/sky.hdr", sky), ("look/metal.mtlx", Data(Self.material.utf8)),
            ], tags: ["hero"])
            let assetID = try #require(asset["id"]?.string)
            let runner = t.runner([VersionInspectionJob(blobs: t.app.atlas.blobs, tools: tools)])
            runner.start()
            let path = "/api/v1/assets/\(assetID)/versions/1/inspection"
            let deadline = ContinuousClock.now + .seconds(60)
            while try await t.client.get(path).json["status"]?.string != "done", ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
            await runner.stop()

            let inspection = try await t.client.get(path).json
            let files = inspection["files"]?.array ?? []
            let look = try #require(files.first { $0["file_name"]?.string == "look/look.usda" })
            #expect(look["metadata"]?["usd_core"]?["prims_loaded"]?.int == 4, "\(look)")
            let issues = look["issues"]?.array.compactMap { $0["code"]?.string } ?? []
            #expect(issues == ["usd_missing_reference"], "\(look["issues"] ?? .null)")
            #expect(look["suggested_tags"]?.array.compactMap(\.string) == ["renderer:redshift", "light_rig"])
            let sky = try #require(files.first { $0["file_name"]?.string == "look/hdri/sky.hdr" })
            #expect(sky["metadata"]?["light_rig"]?["kind"]?.string == "hdri_latlong")
            let metal = try #require(files.first { $0["file_name"]?.string == "look/metal.mtlx" })
            #expect(metal["metadata"]?["materialx"]?["valid"]?.bool == true, "\(metal)")
            #expect(metal["suggested_tags"]?.array.compactMap(\.string) == ["renderer:arnold", "renderer:mtlx"])

            let tags = try await t.client.get("/api/v1/assets/\(assetID)").json["tags"]?.array.compactMap(\.string)
            #expect(tags == ["hero", "light_rig", "renderer:arnold", "renderer:mtlx", "renderer:redshift"])
            let audit = try await t.client.get("/api/v1/audit?action=cli.job.version.inspect").json["items"]?.array ?? []
            #expect(audit.count == 1 && audit.first?["object_id"]?.string == assetID, "\(audit)")
            // The texture usd-core could not find is a missing dependency edge.
            let dependencies = try await t.client.get("/api/v1/assets/\(assetID)/versions/1/dependencies").json["items"]?.array ?? []
            let missing = dependencies.first { $0["reference"]?.string == "tex/glass_missing.exr" }
            #expect(missing?["missing"]?.bool == true, "\(dependencies)")
        }
    }

    @Test("ATLAS_PYTHON and ATLAS_TOOL_TIMEOUT_SECONDS configure the inspection tools; a bad timeout is reported")
    func configuration() throws {
        let configured = try AtlasConfiguration.load(environment: ["ATLAS_PYTHON": "/opt/py/bin/python", "ATLAS_TOOL_TIMEOUT_SECONDS": "30"])
        #expect(configured.inspectionTools == ToolSettings(python: "/opt/py/bin/python", timeout: 30))
        #expect(try AtlasConfiguration.load(environment: [:]).inspectionTools == ToolSettings())
        #expect {
            try AtlasConfiguration.load(environment: ["ATLAS_TOOL_TIMEOUT_SECONDS": "0"])
        } throws: { error in
            (error as? ConfigurationError)?.problems == ["ATLAS_TOOL_TIMEOUT_SECONDS='0' is not a number of seconds (1–3600)"]
        }
    }
}
