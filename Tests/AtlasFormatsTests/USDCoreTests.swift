import AtlasCore
import Foundation
import Testing
@testable import AtlasFormats

/// What usd-core reports about a composed stage: prims with payloads loaded and not, stage metadata,
/// and ComputeAllDependencies' unresolved paths.
enum USDStageOracle {
    static func script(_ path: String) -> String {
        """
        import json
        from pxr import Usd, UsdGeom, UsdUtils, Sdf
        def count(load):
            stage = Usd.Stage.Open("\(path)", load)
            return stage, sum(1 for _ in stage.Traverse())
        stage, loaded = count(Usd.Stage.LoadAll)
        _, unloaded = count(Usd.Stage.LoadNone)
        layers, assets, unresolved = UsdUtils.ComputeAllDependencies(Sdf.AssetPath("\(path)"))
        print(json.dumps({"loaded": loaded, "unloaded": unloaded, "up_axis": UsdGeom.GetStageUpAxis(stage),
            "meters_per_unit": UsdGeom.GetStageMetersPerUnit(stage), "unresolved": sorted(unresolved)}))
        """
    }

    struct Result: Decodable {
        var loaded: Int
        var unloaded: Int
        var up_axis: String
        var meters_per_unit: Double
        var unresolved: [String]
    }

    static func run(_ path: String, in folder: FixtureFolder) throws -> Result {
        let output = try ExternalTool.python(script(path), in: folder.url)
        let line = output.split(separator: "\n").last { $0.hasPrefix("{") } ?? ""
        return try JSONDecoder().decode(Result.self, from: Data(line.utf8))
    }
}

@Suite("USD through usd-core: crate layers, composed stages, dependencies and validation")
struct USDCoreTests {
    let inspector = FormatInspector()

    /// The keys the usda pre-scan reports about a layer.
    static let summaryKeys = ["usda_version", "default_prim", "up_axis", "meters_per_unit", "start_time_code", "end_time_code",
                              "time_codes_per_second", "frames_per_second", "effective", "sublayers", "prim_count", "prim_types",
                              "specifiers", "lights", "light_count", "max_prim_depth", "composition_arc_count",
                              "composition_arcs", "variant_sets", "shader_ids"]

    @Test("A .usdc, and a .usd holding crate, get the same summary and references the pre-scan gives the usda they were saved from",
          arguments: ["shot.usdc", "shot_crate.usd"])
    func crateMatchesText(_ name: String) async throws {
        let folder = try FixtureFolder()
        try ExternalTool.python(USDFixtures.shot + """

            Sdf.Layer.FindOrOpen("shot.usda").Export("shot.usdc")
            Sdf.Layer.FindOrOpen("shot.usda").Export("shot_crate.usd", args={"format": "usdc"})
            """, in: folder.url)
        #expect(try folder.bytes(name).starts(with: Array("PXR-USDC".utf8)))
        let text = inspector.inspect(fileAt: folder.file("shot.usda"))
        let native = inspector.inspect(fileAt: folder.file(name))
        #expect(native.format == .usdc && native.has(.usdCrateNeedsUSDCore))
        let report = await inspector.inspect(fileAt: folder.file(name), tools: try .forTests())
        #expect(!report.has(.usdCrateNeedsUSDCore) && !report.has(.usdParseError), "\(report.issues)")
        for key in Self.summaryKeys {
            #expect(report.metadata[key] == text.metadata[key], "\(key)")
        }
        #expect(report.metadata["crate_version"] != nil)
        #expect(report.references == text.references)
        #expect(report.issues.filter { $0.code == .pathEscapesAsset }.map(\.message)
            == text.issues.filter { $0.code == .pathEscapesAsset }.map(\.message))
    }

    @Test("Composed prim counts with payloads loaded and not, effective and authored stage metadata, and missing dependencies match usd-core")
    func composedStage() async throws {
        let folder = try FixtureFolder()
        try ExternalTool.python(USDFixtures.shot, in: folder.url)
        let oracle = try USDStageOracle.run("shot.usda", in: folder)
        let report = await inspector.inspect(fileAt: folder.file("shot.usda"), tools: try .forTests())
        let usd = try #require(report.metadata["usd_core"], "\(report.issues)")
        #expect(usd["prims_loaded"] == .int(oracle.loaded) && usd["prims_unloaded"] == .int(oracle.unloaded))
        #expect(oracle.loaded > oracle.unloaded, "the payload adds prims when loaded")
        #expect(usd["up_axis"] == .object(["authored": "Z", "effective": .string(oracle.up_axis)]))
        #expect(usd["meters_per_unit"] == .object(["authored": 1, "effective": .number(oracle.meters_per_unit)]))
        // Every path usd-core leaves unresolved is missing; the escaping one is never looked at.
        let missing = report.issues.filter { $0.code == .usdMissingReference }.map(\.message)
        #expect(missing.count == oracle.unresolved.count, "\(missing) vs \(oracle.unresolved)")
        for path in oracle.unresolved { #expect(missing.contains { $0.hasPrefix("'\(path)'") }, "\(path)") }
        let dependencies = usd["dependencies"]?.arrayValue ?? []
        let passwd = dependencies.first { $0["path"] == "../../etc/passwd" }
        #expect(passwd?["escapes"] == .bool(true) && passwd?["resolved"] == nil)
        #expect(dependencies.first { $0["path"] == "sub_a.usda" }?["exists"] == .bool(true))
        #expect(report.metadata["renderers"]?.strings == ["usdpreviewsurface"])
    }

    @Test("UDIM tiles on disk are found; a layer without upAxis, metersPerUnit or defaultPrim gets usd-core's stage metadata warnings")
    func tilesAndValidation() async throws {
        let folder = try FixtureFolder()
        try ExternalTool.python("""
            import os
            from pxr import Usd, UsdShade, Sdf
            os.makedirs("tex", exist_ok=True)
            for tile in (1001, 1002, 1011): open(f"tex/wood.{tile}.exr", "wb").write(b"x")
            st = Usd.Stage.CreateNew("mat.usda")
            sh = UsdShade.Shader.Define(st, "/Mat/Tex"); sh.CreateIdAttr("UsdUVTexture")
            sh.CreateInput("file", Sdf.ValueTypeNames.Asset).Set("tex/wood.<UDIM>.exr")
            st.GetRootLayer().Save()
            """, in: folder.url)
        let report = await inspector.inspect(fileAt: folder.file("mat.usda"), tools: try .forTests())
        let texture = report.metadata["usd_core"]?["dependencies"]?.arrayValue.first { $0["path"] == "tex/wood.<UDIM>.exr" }
        #expect(texture?["exists"] == .bool(true))
        #expect(texture?["tiles"]?.strings == ["tex/wood.1001.exr", "tex/wood.1002.exr", "tex/wood.1011.exr"])
        #expect(!report.has(.usdMissingReference))
        let metadata = report.issues.filter { $0.code == .usdStageMetadataMissing }.map(\.message)
        for field in ["upAxis", "metersPerUnit", "defaultPrim"] {
            #expect(metadata.contains { $0.contains(field) }, "\(field): \(report.issues)")
        }
        #expect(report.issues.allSatisfy { $0.severity == .warning })
    }

    @Test("A sublayer, reference and payload outside the asset are muted, never opened: a FIFO there would hang usd-core")
    func escapingLayersNeverOpened() async throws {
        let folder = try FixtureFolder()
        try FileManager.default.createDirectory(at: folder.file("asset"), withIntermediateDirectories: true)
        let layer = #"""
            #usda 1.0
            (
                subLayers = [@../outside.usda@, @inside.usda@]
            )
            def Xform "World" (
                prepend references = @../outside.usda@</X>
                prepend payload = @\#(folder.path("outside.usda"))@
            )
            {
            }
            """#
        try folder.write(Array(layer.utf8), to: "asset/shot.usda")
        try folder.write(Array("#usda 1.0\ndef Mesh \"M\" {}\n".utf8), to: "asset/inside.usda")
        #expect(mkfifo(folder.path("outside.usda"), 0o644) == 0)
        let report = await inspector.inspect(fileAt: folder.file("asset/shot.usda"), tools: try .forTests())
        #expect(!report.has(.toolTimedOut) && !report.has(.toolFailed), "\(report.issues)")
        let muted = report.metadata["usd_core"]?["muted"]?.arrayValue.compactMap { $0["path"]?.stringValue } ?? []
        #expect(Set(muted).contains("../outside.usda"))
        #expect(report.metadata["usd_core"]?["prims_loaded"] == .int(2), "World and the inside layer's mesh")
        #expect(report.has(.pathEscapesAsset))
    }

    @Test("Without Python or usd-core: a crate layer keeps its 'needs usd-core' warning, a text layer says the tool is missing")
    func withoutUSDCore() async throws {
        let folder = try FixtureFolder()
        try ExternalTool.python("""
            from pxr import Usd, UsdGeom
            for name in ("a.usdc", "a.usda"):
                st = Usd.Stage.CreateNew(name); UsdGeom.Mesh.Define(st, "/M"); st.GetRootLayer().Save()
            """, in: folder.url)
        // A Python that cannot import pxr: site-packages are switched off.
        let bare = try folder.script("bare-python", "exec python3 -S \"$@\"")
        for python in ["atlas-no-such-python", bare] {
            let tools = ToolSettings(python: python, timeout: 60)
            let crate = await inspector.inspect(fileAt: folder.file("a.usdc"), tools: tools)
            #expect(crate.issues.map(\.code) == [.usdCrateNeedsUSDCore], "\(python): \(crate.issues)")
            let text = await inspector.inspect(fileAt: folder.file("a.usda"), tools: tools)
            #expect(text.issues.map(\.code) == [.toolMissing], "\(python): \(text.issues)")
            #expect(text.metadata["prim_count"] == .int(1), "the native pre-scan still reports")
        }
        let message = await inspector.inspect(fileAt: folder.file("a.usda"), tools: ToolSettings(python: bare)).issues.first?.message
        #expect(message?.contains("usd-core (Python module pxr) is not installed") == true, "\(message ?? "")")
    }

    @Test("A worker that hangs is stopped at the timeout and reported as tool_timed_out")
    func hangingWorker() async throws {
        let folder = try FixtureFolder()
        try folder.write(Array("#usda 1.0\ndef Mesh \"M\" {}\n".utf8), to: "a.usda")
        let hanging = try folder.script("hanging-python", "sleep 600")
        let report = await inspector.inspect(fileAt: folder.file("a.usda"), tools: ToolSettings(python: hanging, timeout: 1))
        #expect(report.issues.map(\.code) == [.toolTimedOut] && report.issues.first?.severity == .warning)
        #expect(report.issues.first?.message.contains("did not finish within 1 s and was stopped") == true)
    }

    @Test("Redshift and Arnold materials and composed lights: renderers, a light rig with its textures, and suggested tags")
    func renderersAndLights() async throws {
        let folder = try FixtureFolder()
        try ExternalTool.python("""
            from pxr import Usd, UsdGeom, UsdShade, UsdLux, Sdf
            rig = Usd.Stage.CreateNew("rig.usda")
            UsdGeom.Xform.Define(rig, "/Rig"); rig.SetDefaultPrim(rig.GetPrimAtPath("/Rig"))
            UsdLux.DomeLight.Define(rig, "/Rig/Dome").CreateTextureFileAttr("hdri/studio.exr")
            UsdLux.RectLight.Define(rig, "/Rig/Key")
            rig.GetRootLayer().Save()
            st = Usd.Stage.CreateNew("look.usda")
            rs = UsdShade.Material.Define(st, "/Looks/Glass")
            rsShader = UsdShade.Shader.Define(st, "/Looks/Glass/RS"); rsShader.CreateIdAttr("redshift::StandardMaterial")
            rs.CreateOutput("redshift:surface", Sdf.ValueTypeNames.Token).ConnectToSource(rsShader.ConnectableAPI(), "outColor")
            ai = UsdShade.Material.Define(st, "/Looks/Metal")
            aiShader = UsdShade.Shader.Define(st, "/Looks/Metal/AI"); aiShader.CreateIdAttr("arnold:standard_surface")
            ai.CreateOutput("arnold:surface", Sdf.ValueTypeNames.Token).ConnectToSource(aiShader.ConnectableAPI(), "shader")
            st.DefinePrim("/Lights").GetReferences().AddReference("rig.usda")
            st.GetRootLayer().Save()
            """, in: folder.url)
        let native = inspector.inspect(fileAt: folder.file("look.usda"))
        #expect(native.renderers == ["arnold", "redshift"])
        #expect(native.metadata["light_rig"] == .null, "the lights come from a reference, not this layer")
        #expect(native.suggestedTags == ["renderer:arnold", "renderer:redshift"])
        let rig = inspector.inspect(fileAt: folder.file("rig.usda"))
        #expect(rig.metadata["light_rig"]?["textures"]?.strings == ["hdri/studio.exr"])
        #expect(rig.suggestedTags == ["light_rig"])

        let composed = await inspector.inspect(fileAt: folder.file("look.usda"), tools: try .forTests())
        let lights = composed.metadata["light_rig"]?["lights"]?.arrayValue ?? []
        #expect(lights.compactMap { $0["prim"]?.stringValue } == ["/Lights/Dome", "/Lights/Key"])
        #expect(lights.first?["texture"] == "hdri/studio.exr" && composed.metadata["light_rig"]?["composed"] == .bool(true))
        #expect(composed.suggestedTags == ["renderer:arnold", "renderer:redshift", "light_rig"])
    }

    @Test("A usdz whose root layer is crate: read through usd-core, its packaged texture kept apart from the file it needs outside")
    func usdzWithCrateRoot() async throws {
        let folder = try FixtureFolder()
        try ExternalTool.python("""
            import os
            from pxr import Usd, UsdGeom, UsdShade, Sdf, UsdUtils
            os.makedirs("tex", exist_ok=True); open("tex/diffuse.png", "wb").write(bytes(64))
            st = Usd.Stage.CreateNew("asset.usdc")
            st.SetDefaultPrim(UsdGeom.Xform.Define(st, "/Asset").GetPrim())
            sh = UsdShade.Shader.Define(st, "/Asset/Mat/Tex"); sh.CreateIdAttr("UsdUVTexture")
            sh.CreateInput("file", Sdf.ValueTypeNames.Asset).Set("tex/diffuse.png")
            sh.CreateInput("other", Sdf.ValueTypeNames.Asset).Set("outside/rough.exr")
            st.GetRootLayer().Save()
            # False: outside/rough.exr is not there to pack, which is the point; the package is written.
            UsdUtils.CreateNewUsdzPackage(Sdf.AssetPath("asset.usdc"), "asset.usdz")
            """, in: folder.url)
        let native = inspector.inspect(fileAt: folder.file("asset.usdz"))
        #expect(native.metadata["root_layer_format"] == "usdc" && native.has(.usdCrateNeedsUSDCore))
        let report = await inspector.inspect(fileAt: folder.file("asset.usdz"), tools: try .forTests())
        #expect(!report.has(.usdCrateNeedsUSDCore), "\(report.issues)")
        #expect(report.metadata["default_prim"] == "Asset" && report.metadata["prim_count"] == .int(3))
        // Packaging moves each file to a member of its own naming (`0/diffuse.png`) and rewrites the
        // path, even for the file it could not find, which stays outside the package and missing.
        let packaged = report.metadata["packaged_references"]?.arrayValue ?? []
        #expect(packaged.count == 1 && packaged.first?["member"]?.stringValue?.hasSuffix("diffuse.png") == true, "\(packaged)")
        let outside = try #require(report.references.first)
        #expect(report.references.count == 1 && outside.path.hasSuffix("rough.exr") && outside.kind == "texture")
        #expect(report.issues.filter { $0.code == .usdMissingReference }.map(\.message).contains { $0.hasPrefix("'\(outside.path)'") },
                "\(report.issues)")
    }

    @Test("atlas inspect's folders are the asset root: a layer may name a file beside its own folder, never outside the folder given")
    func folderIsTheRoot() async throws {
        let folder = try FixtureFolder()
        try FileManager.default.createDirectory(at: folder.file("asset/layers"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.file("asset/tex"), withIntermediateDirectories: true)
        try folder.write(Array("x".utf8), to: "asset/tex/wood.png")
        try folder.write(Array("x".utf8), to: "beside.png")
        let layer = "#usda 1.0\ndef Shader \"S\" {\n asset inputs:a = @../tex/wood.png@\n asset inputs:b = @../../beside.png@\n}\n"
        try folder.write(Array(layer.utf8), to: "asset/layers/look.usda")
        let inspection = await PathInspection.inspect([folder.path("asset")], tools: try .forTests())
        let look = try #require(inspection.reports.first { $0.fileName.hasSuffix("layers/look.usda") })
        let dependencies = look.metadata["usd_core"]?["dependencies"]?.arrayValue ?? []
        #expect(dependencies.first { $0["path"] == "../tex/wood.png" }?["resolved"] == "tex/wood.png")
        #expect(dependencies.first { $0["path"] == "../tex/wood.png" }?["exists"] == .bool(true))
        #expect(dependencies.first { $0["path"] == "../../beside.png" }?["escapes"] == .bool(true))
    }

    @Test("Files stored under content hashes are laid out at their names, so usd-core resolves their references to each other")
    func storedEntries() async throws {
        let folder = try FixtureFolder()
        try ExternalTool.python(USDFixtures.shot, in: folder.url)
        try FileManager.default.createDirectory(at: folder.file("blobs"), withIntermediateDirectories: true)
        var entries: [(name: String, url: URL)] = []
        for name in ["shot.usda", "sub_a.usda", "sub_b.usda", "chair.usda", "heavy.usda", "variant_red.usda"] {
            let blob = folder.file("blobs/\(UUID().uuidString)")
            try FileManager.default.copyItem(at: folder.file(name), to: blob)
            entries.append(("layers/\(name)", blob))
        }
        let inspection = await PathInspection.inspect(entries: entries, tools: try .forTests())
        let shot = try #require(inspection.reports.first { $0.fileName == "layers/shot.usda" })
        let dependencies = shot.metadata["usd_core"]?["dependencies"]?.arrayValue ?? []
        #expect(dependencies.first { $0["path"] == "chair.usda" }?["resolved"] == "layers/chair.usda")
        #expect(dependencies.first { $0["path"] == "chair.usda" }?["exists"] == .bool(true))
        #expect(shot.metadata["usd_core"]?["prims_loaded"] != nil)
        #expect(inspection.json["suggested_tags"]?.strings == ["light_rig", "renderer:usdpreviewsurface"])
    }
}
