import AtlasCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import AtlasFormats

/// MaterialX documents written by MaterialX 1.39.5 (PyPI `MaterialX` in .build/venv), and what MaterialX reads back.
enum MaterialXFixtures {
    /// A chair material library: an include, a document `fileprefix` and a node graph overriding it,
    /// UDIM and UVTILE textures (written unescaped), a displacement shader, an Arnold-targeted
    /// shader, a Redshift node, and a look with two assignments.
    static let chair = """
        import MaterialX as mx, os
        os.makedirs("shared", exist_ok=True)
        inc = mx.createDocument()
        ng = inc.addNodeGraph("NG_shared"); im = ng.addNode("image", "shared_img", "color3")
        im.setInputValue("file", "shared_tex.png", "filename"); ng.addOutput("out", "color3").setConnectedNode(im)
        mx.writeToXmlFile(inc, "shared/common.mtlx")
        lib = mx.createDocument(); mx.readFromXmlFile(lib, "shared/common.mtlx")
        doc = mx.createDocument(); doc.importLibrary(lib)  # written back as <xi:include href="shared/common.mtlx"/>
        doc.setAttribute("fileprefix", "textures/")
        wood = doc.addNodeGraph("NG_wood"); base = wood.addNode("image", "base_img", "color3")
        base.setInputValue("file", "wood_base.<UDIM>.exr", "filename").setAttribute("colorspace", "srgb_texture")
        wood.addOutput("base_out", "color3").setConnectedNode(base)
        rough = doc.addNodeGraph("NG_rough"); rough.setAttribute("fileprefix", "maps/")
        r = rough.addNode("image", "rough_img", "float"); r.setInputValue("file", "rough.<UVTILE>.png", "filename")
        rough.addOutput("out", "float").setConnectedNode(r)
        ss = doc.addNode("standard_surface", "SR_wood", "surfaceshader")
        ss.addInput("base_color", "color3").setConnectedOutput(wood.getOutput("base_out"))
        ss.addInput("specular_roughness", "float").setConnectedOutput(rough.getOutput("out"))
        disp = doc.addNode("displacement", "DS_wood", "displacementshader")
        tiled = doc.addNode("tiledimage", "disp_img", "float"); tiled.setInputValue("file", "disp.exr", "filename")
        disp.addInput("displacement", "float").setConnectedNode(tiled)
        mat = doc.addMaterialNode("M_wood", ss)
        mat.addInput("displacementshader", "displacementshader").setConnectedNode(disp)
        ai = doc.addNode("standard_surface", "SR_ai", "surfaceshader"); ai.setAttribute("target", "arnold")
        doc.addMaterialNode("M_ai", ai)
        doc.addMaterialNode("M_rs", doc.addNode("redshift:StandardMaterial", "RS_glass", "surfaceshader"))
        look = doc.addLook("L_hero")
        look.addMaterialAssign("MA_wood", "M_wood").setGeom("/chair/body")
        look.addMaterialAssign("MA_glass", "M_rs").setGeom("/chair/glass")
        mx.writeToXmlFile(doc, "chair.mtlx")
        """

    /// What MaterialX reads back from `path` (includes followed): elements of that file only.
    static func oracle(_ path: String) -> String {
        """
        import json, os
        import MaterialX as mx
        doc = mx.createDocument(); mx.readFromXmlFile(doc, "\(path)")
        own = lambda e: os.path.basename(e.getActiveSourceUri()) == os.path.basename("\(path)")
        def shader(i):
            return i.getNodeName() or (i.getNodeGraphString() + "/" + i.getOutputString())
        print(json.dumps({
            "version": doc.getVersionString(),
            "materials": [{"name": m.getName(), "category": m.getCategory(),
                           "shaders": [[i.getName(), shader(i)] for i in m.getInputs()],
                           "shader_categories": sorted(i.getConnectedNode().getCategory() for i in m.getInputs() if i.getConnectedNode())}
                          for m in doc.getMaterialNodes()],
            "node_graphs": [g.getName() for g in doc.getNodeGraphs() if own(g)],
            "filenames": [[e.getParent().getNamePath(), e.getName(), e.getValueString(), e.getResolvedValueString(), e.getColorSpace()]
                          for e in doc.traverseTree() if e.isA(mx.Input) and e.getType() == "filename" and e.getValueString() and own(e)],
            "includes": sorted(u for u in doc.getReferencedSourceUris() if os.path.basename(u) != os.path.basename("\(path)")),
            "looks": [[l.getName(), [[a.getName(), a.getMaterial(), a.getGeom()] for a in l.getMaterialAssigns()]] for l in doc.getLooks()],
        }))
        """
    }

    struct Oracle: Decodable {
        struct Material: Decodable {
            var name: String
            var category: String
            var shaders: [[String]]
            var shader_categories: [String]
        }

        var version: String
        var materials: [Material]
        var node_graphs: [String]
        var filenames: [[String]]
        var includes: [String]
        var looks: [Look]

        struct Look: Decodable {
            var name: String
            var assigns: [[String]]
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                name = try container.decode(String.self)
                assigns = try container.decode([[String]].self)
            }
        }
    }

    static func runOracle(_ path: String, in folder: FixtureFolder) throws -> Oracle {
        let output = try ExternalTool.python(oracle(path), in: folder.url)
        let line = output.split(separator: "\n").last { $0.hasPrefix("{") } ?? ""
        return try JSONDecoder().decode(Oracle.self, from: Data(line.utf8))
    }
}

@Suite("MaterialX: materials, node graphs, file names after fileprefix, includes and looks, compared with MaterialX")
struct MaterialXTests {
    let inspector = FormatInspector()

    @Test("A document MaterialX wrote (with <UDIM> unescaped) reads as MaterialX reads it back")
    func matchesMaterialX() throws {
        let folder = try FixtureFolder()
        try ExternalTool.python(MaterialXFixtures.chair, in: folder.url)
        let text = String(decoding: try folder.bytes("chair.mtlx"), as: UTF8.self)
        #expect(text.contains(#"value="wood_base.<UDIM>.exr""#), "MaterialX writes UDIM tokens unescaped")
        let oracle = try MaterialXFixtures.runOracle("chair.mtlx", in: folder)
        let report = inspector.inspect(fileAt: folder.file("chair.mtlx"))
        #expect(report.format == .materialX && report.issues == [], "\(report.issues)")
        #expect(report.metadata["mtlx_version"] == .string(oracle.version))

        let materials = report.metadata["materials"]?.arrayValue ?? []
        #expect(materials.compactMap { $0["name"]?.stringValue } == oracle.materials.map(\.name))
        for (material, expected) in zip(materials, oracle.materials) {
            #expect(material["category"] == .string(expected.category))
            let shaders = material["shaders"]?.arrayValue ?? []
            #expect(shaders.map { [$0["input"]?.stringValue ?? "", $0["node"]?.stringValue ?? ""] } == expected.shaders)
            #expect(shaders.compactMap { $0["category"]?.stringValue }.sorted() == expected.shader_categories, "\(expected.name)")
        }
        #expect((report.metadata["node_graphs"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue } == oracle.node_graphs)
        let filenames = (report.metadata["filenames"]?.arrayValue ?? []).map { file in
            ["node", "input", "value", "resolved", "colorspace"].map { file[$0]?.stringValue ?? "" }
        }
        #expect(filenames == oracle.filenames)
        #expect(report.metadata["includes"]?.strings == oracle.includes)
        let looks = (report.metadata["looks"]?.arrayValue ?? []).map { look in
            [look["name"]?.stringValue ?? ""] + (look["material_assigns"]?.arrayValue ?? []).flatMap { assign in
                ["name", "material", "geom"].map { assign[$0]?.stringValue ?? "" }
            }
        }
        #expect(looks == oracle.looks.map { [$0.name] + $0.assigns.flatMap { $0 } })
        // References: the include, then every resolved file name, tokens kept as patterns.
        #expect(report.references == [FileReference(path: "shared/common.mtlx", kind: "include")]
            + oracle.filenames.map { FileReference(path: $0[3], kind: "texture") })
        #expect(report.renderers == ["arnold", "mtlx", "redshift"])
        #expect(report.suggestedTags == ["renderer:arnold", "renderer:mtlx", "renderer:redshift"])
    }

    @Test("The reader takes an attribute value to its closing quote, <UDIM> included; Foundation's XMLParser cuts it and still succeeds")
    func udimInAttribute() {
        let xml = #"<?xml version="1.0"?><materialx version="1.39"><input name="file" type="filename" value="a.<UDIM>.exr"/></materialx>"#
        var reader = TolerantXMLReader(Array(xml.utf8), maxDepth: 16, maxElements: 16)
        var values: [String] = []
        while let event = try? reader.next() {
            if case .start(_, let attributes, _, _) = event { values += attributes.filter { $0.name == "value" }.map(\.value) }
        }
        #expect(values == ["a.<UDIM>.exr"])
        #if canImport(FoundationXML)
        // Why Atlas has its own reader: libxml2 (Linux) recovers by cutting the value and inventing an element.
        final class Values: NSObject, XMLParserDelegate {
            var seen: [String] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                seen.append(attributes["value"].map { "\(name) \($0)" } ?? name)
            }
        }
        let values2 = Values()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = values2
        let succeeded = parser.parse()
        #expect(!values2.seen.contains("input a.<UDIM>.exr"), "XMLParser read the value whole: \(values2.seen), \(succeeded)")
        #endif
    }

    @Test("The MaterialX worker: the version after MaterialX's upgrade on read, validation, includes read and refused")
    func worker() async throws {
        let folder = try FixtureFolder()
        try ExternalTool.python(MaterialXFixtures.chair, in: folder.url)
        let tools = try ToolSettings.forTests()
        let report = await inspector.inspect(fileAt: folder.file("chair.mtlx"), tools: tools)
        let materialx = try #require(report.metadata["materialx"])
        #expect(materialx["version"] == "1.39" && materialx["upgraded"] == .bool(false) && materialx["valid"] == .bool(true))
        #expect(materialx["material_count"] == .int(3))
        #expect(materialx["includes_read"]?.strings == ["shared/common.mtlx"])
        #expect(report.issues == [], "\(report.issues)")

        // A 1.38 document is upgraded on read.
        let old = #"<?xml version="1.0"?><materialx version="1.38"><nodegraph name="g"/></materialx>"#
        try folder.write(Array(old.utf8), to: "old.mtlx")
        let upgraded = await inspector.inspect(fileAt: folder.file("old.mtlx"), tools: tools)
        #expect(upgraded.metadata["mtlx_version"] == "1.38")
        #expect(upgraded.metadata["materialx"]?["version"] == "1.39" && upgraded.metadata["materialx"]?["upgraded"] == .bool(true))
    }

    @Test("An include outside the asset is flagged and never opened by MaterialX (a FIFO would hang it)")
    func escapingInclude() async throws {
        let folder = try FixtureFolder()
        try FileManager.default.createDirectory(at: folder.file("asset"), withIntermediateDirectories: true)
        #expect(mkfifo(folder.path("outside.mtlx"), 0o644) == 0)
        let doc = #"""
            <?xml version="1.0"?>
            <materialx version="1.39" xmlns:xi="http://www.w3.org/2001/XInclude">
              <xi:include href="../outside.mtlx" />
              <nodegraph name="g" />
            </materialx>
            """#
        try folder.write(Array(doc.utf8), to: "asset/look.mtlx")
        let report = await inspector.inspect(fileAt: folder.file("asset/look.mtlx"), tools: try .forTests())
        #expect(report.references == [FileReference(path: "../outside.mtlx", kind: "include")])
        #expect(report.has(.pathEscapesAsset))
        #expect(report.metadata["materialx"]?["includes_refused"]?.strings == ["../outside.mtlx"])
        #expect(!report.has(.toolTimedOut), "\(report.issues)")
    }

    @Test("Malformed documents: mismatched tags, a DOCTYPE, another root and a cut file are mtlx_parse_error; MaterialX agrees on the first")
    func malformed() throws {
        func codes(_ text: String) -> [FormatIssueCode] {
            MaterialXHandler().inspect(DataByteSource(Array(text.utf8)), limits: .standard).issues.map(\.code)
        }
        let mismatched = #"<?xml version="1.0"?><materialx version="1.39"><nodegraph name="g"></look></materialx>"#
        #expect(codes(mismatched) == [.mtlxParseError])
        let folder = try FixtureFolder()
        try folder.write(Array(mismatched.utf8), to: "bad.mtlx")
        let verdict = try ExternalTool.python("""
            import MaterialX as mx
            try:
                mx.readFromXmlFile(mx.createDocument(), "bad.mtlx"); print("read")
            except mx.ExceptionParseError as e:
                print("parse error")
            """, in: folder.url)
        #expect(verdict.contains("parse error"))
        #expect(codes(#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><materialx/>"#) == [.mtlxParseError])
        #expect(codes(#"<?xml version="1.0"?><look name="x"/>"#) == [.mtlxParseError])
        #expect(codes(#"<materialx version="1.39"><nodegraph name="g">"#) == [.mtlxParseError])
        #expect(codes(#"<materialx version="1.39"><input value="unterminated/></materialx>"#) == [.mtlxParseError])
        #expect(codes(#"<materialx version="1.39"/><materialx/>"#) == [.mtlxParseError])
        let deep = "<materialx>" + String(repeating: "<nodegraph>", count: 10_000)
        #expect(codes(deep) == [.limitExceeded])
        // Entities decode; an unknown one is kept as written.
        let entities = #"<materialx version="1.39"><image name="i" type="color3"><input name="file" type="filename" value="a&amp;b&#x41;&nope;.png"/></image></materialx>"#
        let report = MaterialXHandler().inspect(DataByteSource(Array(entities.utf8)), limits: .standard)
        #expect(report.references.map(\.path) == ["a&bA&nope;.png"])
    }

    @Test("Detected by content: the XML declaration and <materialx>, whatever the name")
    func detection() {
        let text = Array("<?xml version=\"1.0\"?>\n<!-- library -->\n<materialx version=\"1.39\">\n</materialx>\n".utf8)
        #expect(inspector.inspect(text, fileName: "look.mtlx").format == .materialX)
        let misnamed = inspector.inspect(text, fileName: "look.xml")
        #expect(misnamed.format == .materialX && misnamed.issues == [])
    }
}
