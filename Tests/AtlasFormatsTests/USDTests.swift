import AtlasCore
import Foundation
import Testing
@testable import AtlasFormats

/// USD fixtures authored by usd-core (PyPI `usd-core` in .build/venv), and what usd-core itself reports about them.
enum USDFixtures {
    /// A shot layer with two sublayers, a reference, a payload, a variant set whose second variant
    /// references a layer, a material with a UDIM texture and a path climbing out to /etc/passwd,
    /// a light rig and stage metadata. The layers it names are written too, so usd-core resolves them.
    static let shot = """
        from pxr import Usd, UsdGeom, UsdShade, UsdLux, Sdf
        for n in ["sub_a.usda", "sub_b.usda", "chair.usda", "heavy.usda", "variant_red.usda"]:
            s = Usd.Stage.CreateNew(n); UsdGeom.Xform.Define(s, "/Root"); UsdGeom.Mesh.Define(s, "/Root/M")
            s.SetDefaultPrim(s.GetPrimAtPath("/Root")); s.GetRootLayer().Save()
        st = Usd.Stage.CreateNew("shot.usda")
        L = st.GetRootLayer()
        L.subLayerPaths.append("sub_a.usda"); L.subLayerPaths.append("./sub_b.usda")
        UsdGeom.SetStageUpAxis(st, UsdGeom.Tokens.z); UsdGeom.SetStageMetersPerUnit(st, 1.0)
        st.SetStartTimeCode(1001); st.SetEndTimeCode(1100); st.SetTimeCodesPerSecond(24); st.SetFramesPerSecond(25)
        w = UsdGeom.Xform.Define(st, "/World"); st.SetDefaultPrim(w.GetPrim())
        st.DefinePrim("/World/Chair").GetReferences().AddReference("chair.usda", "/Root")
        st.DefinePrim("/World/Heavy").GetPayloads().AddPayload("heavy.usda")
        st.DefinePrim("/World/Internal").GetReferences().AddInternalReference("/World/Geo")
        st.DefinePrim("/World/Appended").GetReferences().AddReference("chair.usda", position=Usd.ListPositionBackOfAppendList)
        vs = w.GetPrim().GetVariantSets().AddVariantSet("look")
        vs.AddVariant("red"); vs.AddVariant("blue"); vs.SetVariantSelection("red")
        with vs.GetVariantEditContext():
            st.DefinePrim("/World/VarThing").GetReferences().AddReference("variant_red.usda")
        vs.SetVariantSelection("blue")
        UsdShade.Material.Define(st, "/World/Looks/Mat")
        tex = UsdShade.Shader.Define(st, "/World/Looks/Mat/Tex")
        tex.CreateIdAttr("UsdUVTexture")
        tex.CreateInput("file", Sdf.ValueTypeNames.Asset).Set("textures/albedo.<UDIM>.exr")
        evil = UsdShade.Shader.Define(st, "/World/Looks/Mat/Evil")
        evil.CreateInput("file", Sdf.ValueTypeNames.Asset).Set("../../etc/passwd")
        st.GetPrimAtPath("/World/Looks/Mat").CreateAttribute("notes", Sdf.ValueTypeNames.Asset).Set("docs/odd@name.txt")
        UsdGeom.Mesh.Define(st, "/World/Geo/Body")
        UsdLux.DomeLight.Define(st, "/World/Lights/Dome").CreateTextureFileAttr("hdri/sky.exr")
        UsdLux.RectLight.Define(st, "/World/Lights/Key")
        UsdLux.RectLight.Define(st, "/World/Lights/Fill")
        UsdLux.SphereLight.Define(st, "/World/Lights/Rim")
        UsdLux.DistantLight.Define(st, "/World/Lights/Sun")
        L.Save()
        """

    /// What usd-core reports on layer `path` (run in the fixture folder): prim specs by type
    /// (Sdf traversal, variants included), composed prims by type (Usd.Stage.Open), sublayers,
    /// UsdUtils.ExtractExternalReferences (sublayers, references + asset attributes, payloads) and stage metadata.
    static func oracle(_ path: String) -> String {
        """
        import json
        from pxr import Sdf, Usd, UsdUtils, UsdGeom
        layer = Sdf.Layer.FindOrOpen("\(path)")
        types, count = {}, [0]
        def visit(p):
            if p.IsPrimPath():
                count[0] += 1
                spec = layer.GetPrimAtPath(p)
                if spec.typeName: types[spec.typeName] = types.get(spec.typeName, 0) + 1
        layer.Traverse(Sdf.Path.absoluteRootPath, visit)
        stage = Usd.Stage.Open("\(path)")
        composed = {}
        for prim in stage.Traverse():
            if prim.GetTypeName(): composed[prim.GetTypeName()] = composed.get(prim.GetTypeName(), 0) + 1
        subs, refs, pays = UsdUtils.ExtractExternalReferences("\(path)")
        info = lambda k: layer.pseudoRoot.GetInfo(k) if layer.pseudoRoot.HasInfo(k) else None
        print(json.dumps({"prim_count": count[0], "prim_types": types, "composed_types": composed,
            "sublayers": list(layer.subLayerPaths), "ext_sublayers": subs, "ext_references": refs, "ext_payloads": pays,
            "default_prim": layer.defaultPrim, "up_axis": info("upAxis"), "meters_per_unit": info("metersPerUnit"),
            "start_time_code": info("startTimeCode"), "end_time_code": info("endTimeCode"),
            "time_codes_per_second": info("timeCodesPerSecond"), "frames_per_second": info("framesPerSecond")}))
        """
    }

    struct Oracle: Decodable {
        var prim_count: Int
        var prim_types: [String: Int]
        var composed_types: [String: Int]
        var sublayers: [String]
        var ext_sublayers: [String]
        var ext_references: [String]
        var ext_payloads: [String]
        var default_prim: String
        var up_axis: String?
        var meters_per_unit: Double?
        var start_time_code: Double?
        var end_time_code: Double?
        var time_codes_per_second: Double?
        var frames_per_second: Double?
    }

    static func runOracle(_ path: String, in folder: FixtureFolder) throws -> Oracle {
        let output = try ExternalTool.python(oracle(path), in: folder.url)
        // usd-core may print warnings before the JSON line.
        let line = output.split(separator: "\n").last { $0.hasPrefix("{") } ?? ""
        return try JSONDecoder().decode(Oracle.self, from: Data(line.utf8))
    }
}

@Suite("USD: usda pre-scan and usdz packages, compared with usd-core")
struct USDTests {
    let inspector = FormatInspector()

    func paths(_ report: FormatReport, kinds: Set<String>) -> Set<String> {
        Set(report.references.filter { kinds.contains($0.kind) }.map(\.path))
    }

    func counts(_ value: JSONValue?) -> [String: Int] {
        guard case .object(let members)? = value else { return [:] }
        return members.compactMapValues { if case .number(let n) = $0 { Int(n) } else { nil } }
    }

    @Test("usda: metadata, prim types, sublayers, references, payloads and asset paths match usd-core's Sdf and UsdUtils")
    func usdaMatchesUSDCore() throws {
        let folder = try FixtureFolder()
        try ExternalTool.python(USDFixtures.shot, in: folder.url)
        let oracle = try USDFixtures.runOracle("shot.usda", in: folder)
        let report = inspector.inspect(fileAt: folder.file("shot.usda"))
        #expect(report.format == .usda)
        #expect(!report.has(.usdParseError), "\(report.issues)")

        #expect(report.metadata["default_prim"] == .string(oracle.default_prim))
        #expect(report.metadata["up_axis"] == oracle.up_axis.map(JSONValue.string))
        #expect(report.metadata["meters_per_unit"] == oracle.meters_per_unit.map(JSONValue.number))
        #expect(report.metadata["start_time_code"] == oracle.start_time_code.map(JSONValue.number))
        #expect(report.metadata["end_time_code"] == oracle.end_time_code.map(JSONValue.number))
        #expect(report.metadata["time_codes_per_second"] == oracle.time_codes_per_second.map(JSONValue.number))
        #expect(report.metadata["frames_per_second"] == oracle.frames_per_second.map(JSONValue.number))

        #expect(report.metadata["prim_count"] == .int(oracle.prim_count))
        #expect(counts(report.metadata["prim_types"]) == oracle.prim_types)
        #expect(counts(report.metadata["lights"]) == ["DomeLight": 1, "RectLight": 2, "SphereLight": 1, "DistantLight": 1])
        #expect(report.metadata["light_count"] == .int(5))

        #expect(report.metadata["sublayers"] == .array(oracle.sublayers.map(JSONValue.string)))
        #expect(paths(report, kinds: ["sublayer"]) == Set(oracle.ext_sublayers))
        #expect(paths(report, kinds: ["payload"]) == Set(oracle.ext_payloads))
        // ExtractExternalReferences puts asset-valued attributes with the references, and keeps <UDIM> as written.
        #expect(paths(report, kinds: ["reference", "texture", "asset"]) == Set(oracle.ext_references))
        #expect(paths(report, kinds: ["texture"]) == ["textures/albedo.<UDIM>.exr", "hdri/sky.exr"])
        #expect(report.references.contains(FileReference(path: "docs/odd@name.txt", kind: "asset")))
        #expect(report.references.filter(\.escapes).map(\.path) == ["../../etc/passwd"])
        #expect(report.has(.pathEscapesAsset))

        guard case .array(let arcs)? = report.metadata["composition_arcs"] else { Issue.record("no arcs"); return }
        #expect(arcs.contains(.object(["prim": "/World/Chair", "arc": "reference", "list_op": "prepend",
                                       "asset": "chair.usda", "target": "/Root"])))
        #expect(arcs.contains(.object(["prim": "/World/Heavy", "arc": "payload", "list_op": "prepend",
                                       "asset": "heavy.usda", "target": .null])))
        #expect(arcs.contains(.object(["prim": "/World/Internal", "arc": "reference", "list_op": "prepend",
                                       "asset": .null, "target": "/World/Geo"])))
        #expect(arcs.contains(.object(["prim": "/World/Appended", "arc": "reference", "list_op": "append",
                                       "asset": "chair.usda", "target": .null])))
        #expect(arcs.contains(.object(["prim": "/World{look=red}VarThing", "arc": "reference", "list_op": "prepend",
                                       "asset": "variant_red.usda", "target": .null])))
        #expect(report.metadata["variant_sets"] == .array([.object([
            "prim": "/World", "name": "look", "variants": ["blue", "red"], "selection": "blue"])]))
    }

    @Test("usda: a self-contained light rig's prim types equal the composed stage's (Usd.Stage.Open traversal)")
    func lightRigMatchesComposedStage() throws {
        let folder = try FixtureFolder()
        try ExternalTool.python("""
            from pxr import Usd, UsdGeom, UsdLux
            st = Usd.Stage.CreateNew("rig.usda")
            UsdGeom.Xform.Define(st, "/Rig")
            for i in range(3): UsdLux.RectLight.Define(st, f"/Rig/Rect{i}")
            UsdLux.DomeLight.Define(st, "/Rig/Dome").CreateTextureFileAttr("hdri/studio.hdr")
            UsdLux.DiskLight.Define(st, "/Rig/Disk")
            UsdLux.CylinderLight.Define(st, "/Rig/Cyl")
            UsdGeom.Mesh.Define(st, "/Rig/Card")
            UsdGeom.Scope.Define(st, "/Rig/Empty")
            st.GetRootLayer().Save()
            """, in: folder.url)
        let oracle = try USDFixtures.runOracle("rig.usda", in: folder)
        let report = inspector.inspect(fileAt: folder.file("rig.usda"))
        #expect(report.issues == [])
        #expect(counts(report.metadata["prim_types"]) == oracle.composed_types)
        #expect(counts(report.metadata["lights"]) == ["RectLight": 3, "DomeLight": 1, "DiskLight": 1, "CylinderLight": 1])
        #expect(report.metadata["up_axis"] == .null)  // not authored…
        guard case .object(let effective)? = report.metadata["effective"] else { Issue.record("no effective"); return }
        #expect(effective["up_axis"] == "Y" && effective["meters_per_unit"] == .number(0.01))  // …so USD's fallbacks
        #expect(report.references == [FileReference(path: "hdri/studio.hdr", kind: "texture")])
    }

    @Test("usdz made by UsdUtils.CreateNewUsdzPackage: members as zipfile lists them, the root layer parsed, packaged textures not external")
    func usdzPackage() throws {
        let folder = try FixtureFolder()
        let members = try ExternalTool.python("""
            import zipfile, os
            from pxr import Usd, UsdGeom, UsdShade, Sdf, UsdUtils
            os.makedirs("tex", exist_ok=True); os.makedirs("more", exist_ok=True)
            open("tex/diffuse.png", "wb").write(bytes(64)); open("more/rough.exr", "wb").write(bytes(64))
            st = Usd.Stage.CreateNew("asset.usda")
            UsdGeom.SetStageUpAxis(st, UsdGeom.Tokens.y)
            root = UsdGeom.Xform.Define(st, "/Asset"); st.SetDefaultPrim(root.GetPrim())
            UsdGeom.Mesh.Define(st, "/Asset/Body")
            UsdShade.Material.Define(st, "/Asset/Mat")
            sh = UsdShade.Shader.Define(st, "/Asset/Mat/Tex")
            sh.CreateInput("file", Sdf.ValueTypeNames.Asset).Set("./tex/diffuse.png")
            sh.CreateInput("other", Sdf.ValueTypeNames.Asset).Set("more/rough.exr")
            st.GetRootLayer().Save()
            assert UsdUtils.CreateNewUsdzPackage(Sdf.AssetPath("asset.usda"), "asset.usdz")
            print(",".join(zipfile.ZipFile("asset.usdz").namelist()))
            """, in: folder.url).split(separator: "\n").last.map(String.init) ?? ""
        let report = inspector.inspect(fileAt: folder.file("asset.usdz"))
        #expect(report.format == .usdz)
        guard case .array(let listed)? = report.metadata["members"] else { Issue.record("no members"); return }
        let names = listed.compactMap { if case .object(let m) = $0, case .string(let n)? = m["name"] { n } else { nil } }
        #expect(names.joined(separator: ",") == members)
        #expect(report.metadata["root_layer"] == .string(names.first ?? ""))
        #expect(report.metadata["root_layer_format"] == "usda")
        #expect(report.metadata["default_prim"] == "Asset" && report.metadata["up_axis"] == "Y")
        #expect(counts(report.metadata["prim_types"]) == ["Xform": 1, "Mesh": 1, "Material": 1, "Shader": 1])
        // CreateNewUsdzPackage stores members uncompressed at 64-byte aligned offsets.
        #expect(!report.has(.usdzCompressedMember) && !report.has(.usdzUnalignedMember), "\(report.issues)")
        guard case .array(let packaged)? = report.metadata["packaged_references"] else { Issue.record("no packaged"); return }
        // Both textures are inside the package, so the package names no outside file.
        #expect(packaged.count == 2, "\(packaged)")
        #expect(report.references == [])
    }

    @Test("usdz: member names that climb out or are absolute are flagged, compressed members and a non-layer root are errors")
    func usdzHostileMembers() throws {
        let folder = try FixtureFolder()
        try ExternalTool.python("""
            import zipfile
            with zipfile.ZipFile("bad.usdz", "w", zipfile.ZIP_STORED) as z:
                z.writestr("root.usda", '#usda 1.0\\ndef Mesh "M" {}\\n')
                z.writestr("../../evil.sh", "echo hi")
                z.writestr("/etc/cron.d/x", "x")
                z.writestr(zipfile.ZipInfo("packed.usda"), "#usda 1.0\\n" * 50, compress_type=zipfile.ZIP_DEFLATED)
            with zipfile.ZipFile("noroot.zip", "w") as z:
                z.writestr("readme.txt", "hello")
            """, in: folder.url)
        let report = inspector.inspect(fileAt: folder.file("bad.usdz"))
        #expect(report.format == .usdz)
        let escapes = report.issues.filter { $0.code == .pathEscapesAsset }
        #expect(escapes.count == 2, "\(report.issues)")
        #expect(report.has(.usdzCompressedMember))
        #expect(counts(report.metadata["prim_types"]) == ["Mesh": 1])
        // A plain zip named .usdz is a zip by content, and the usdz handler itself refuses its root.
        let plain = USDZHandler().inspect(try FileByteSource(url: folder.file("noroot.zip")), limits: .standard)
        #expect(plain.issues.contains { $0.code == .usdzNoRootLayer })
        // Cut before the central directory: an issue, not a crash.
        let bytes = try folder.bytes("bad.usdz")
        let cut = USDZHandler().inspect(DataByteSource(Array(bytes.prefix(bytes.count - 30))), limits: .standard)
        #expect(cut.issues.contains { $0.code == .usdzCorrupt })
    }

    @Test("usdc: reported as needing usd-core, with its crate version")
    func usdc() throws {
        let folder = try FixtureFolder()
        try ExternalTool.python("""
            from pxr import Usd, UsdGeom
            st = Usd.Stage.CreateNew("a.usdc"); UsdGeom.Mesh.Define(st, "/M"); st.GetRootLayer().Save()
            """, in: folder.url)
        let report = inspector.inspect(fileAt: folder.file("a.usdc"))
        #expect(report.format == .usdc)
        #expect(report.issues.map(\.code) == [.usdCrateNeedsUSDCore])
        #expect(report.issues.first?.severity == .warning)
        if case .string(let version)? = report.metadata["crate_version"] { #expect(version.hasPrefix("0.")) } else {
            Issue.record("no crate_version")
        }
    }

    @Test("usda: every prefix of a real layer, garbage, unclosed strings and deep nesting give issues, never a crash or hang")
    func malformed() throws {
        let folder = try FixtureFolder()
        try ExternalTool.python(USDFixtures.shot, in: folder.url)
        let bytes = try folder.bytes("shot.usda")
        let handler = USDAHandler()
        var cutShort = 0
        for length in stride(from: 6, to: bytes.count, by: 3) {
            let inspection = handler.inspect(DataByteSource(Array(bytes.prefix(length))), limits: .standard)
            if inspection.issues.contains(where: { $0.code == .usdParseError }) { cutShort += 1 }
        }
        #expect(cutShort > bytes.count / 6)  // most cuts land inside a statement
        let whole = handler.inspect(DataByteSource(bytes), limits: .standard)
        #expect(whole.issues == [])

        func issues(_ text: String, limits: FormatLimits = .standard) -> [FormatIssueCode] {
            handler.inspect(DataByteSource(Array(text.utf8)), limits: limits).issues.map(\.code)
        }
        #expect(issues("#usda 1.0\ndef Mesh \"A\" {\n  float x = 1\n") == [.usdParseError])  // no closing brace
        #expect(issues("#usda 1.0\ndef \"A\" ( doc = \"open\n) {}\n") == [.usdParseError])  // string not closed on its line
        #expect(issues("#usda 1.0\ndef \"A\" { asset f = @tex.png }\n") == [.usdParseError])  // asset path not closed
        #expect(issues("#usda 1.0\ndef \"A\" { } }\n") == [.usdParseError])
        #expect(issues("#usda 1.0\n\u{1}\u{2}garbage\n") == [.usdParseError])
        #expect(issues("not usda at all") == [.usdParseError])
        #expect(issues("#usda 1.0\ndef \"A\" { int[] a = [1, 2) }\n") == [.usdParseError])  // mismatched bracket

        var garbage = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let noise = (0..<200).map { _ in UInt8.random(in: 0...255, using: &garbage) }
            _ = handler.inspect(DataByteSource(Array("#usda 1.0\n".utf8) + noise), limits: .standard)
        }

        let deepBrackets = "#usda 1.0\ndef \"A\" { int[] a = " + String(repeating: "[", count: 200_000) + " }\n"
        #expect(issues(deepBrackets) == [.limitExceeded])
        let deepPrims = "#usda 1.0\n" + String(repeating: "def \"P\" {\n", count: 10_000)
        #expect(issues(deepPrims) == [.limitExceeded])
        var small = FormatLimits.standard
        small.maxTextTokens = 50
        #expect(issues(String(decoding: bytes, as: UTF8.self), limits: small) == [.limitExceeded])
        small = .standard
        small.maxTextBytes = bytes.count / 2
        let cut = handler.inspect(DataByteSource(bytes), limits: small)
        #expect(cut.issues.map(\.code) == [.limitExceeded] && cut.issues.first?.severity == .warning)
    }
}
