import AtlasCore

/// What the usda pre-scan found in one layer, as authored in that layer: nothing is composed,
/// nothing is opened. Filled in as the parser goes, so a layer that stops parsing still reports
/// what came before the problem.
struct USDLayerSummary: Sendable, Hashable {
    /// One composition arc authored in prim metadata (`prepend references = @chair.usda@</Chair>`).
    struct Arc: Sendable, Hashable {
        /// The prim the arc is authored on, with variant selections as Sdf writes them (`/World{look=red}VarThing`).
        var prim: String
        /// `reference` or `payload`.
        var arc: String
        /// `prepend`, `append`, `add`, `delete`, or `explicit` when no list-op keyword is written.
        var listOp: String
        /// The layer asset path, nil for an internal arc (`</Other>` alone).
        var asset: String?
        /// The target prim path after the asset (`</Chair>`), nil for the target layer's default prim.
        var target: String?
    }

    /// A variant set on one prim: declared in `variantSets`, given variants in `variantSet "name" = {…}`,
    /// and selected in `variants = {…}`.
    struct VariantSet: Sendable, Hashable {
        var prim: String
        var name: String
        var variants: [String] = []
        var selection: String?
    }

    var version: String?
    var defaultPrim: String?
    var upAxis: String?
    var metersPerUnit: Double?
    var startTimeCode: Double?
    var endTimeCode: Double?
    var timeCodesPerSecond: Double?
    var framesPerSecond: Double?
    var subLayers: [String] = []
    /// Every prim spec (`def`, `over`, `class`), including those inside variants.
    var primCount = 0
    /// Prim specs by authored type name (`Mesh`, `Xform`, `DomeLight`); untyped specs are not counted here.
    var primTypes: [String: Int] = [:]
    /// Prim specs by specifier.
    var specifiers: [String: Int] = [:]
    var arcs: [Arc] = []
    var variantSets: [VariantSet] = []
    /// Every asset path, deduplicated, in the order found.
    private(set) var references: [FileReference] = []
    private var seenReferences: Set<FileReference> = []
    /// The deepest prim nesting seen.
    var deepestPrim = 0
    /// Light prims in the order found (at most `listedLights`), with the texture each is lit by.
    var lightPrims: [LightPrim] = []
    /// Shader `info:id` values by count (at most `listedShaderIDs` distinct ones).
    var shaderIDs: [String: Int] = [:]
    /// The renderers the shading is written for (see `ShadingRenderers`).
    var renderers: Set<String> = []

    /// One light prim spec: a rig's light and, for a dome or rect light, its texture.
    struct LightPrim: Sendable, Hashable {
        var prim: String
        var type: String
        var texture: String?
    }

    static let listedLights = 1000
    static let listedShaderIDs = 1000

    /// UsdLux's concrete lights all end in `Light` (`DomeLight`, `RectLight`, `DomeLight_1`), so a rig
    /// is recognisable without a list that goes stale.
    static func isLight(_ type: String) -> Bool {
        type.hasSuffix("Light") || type.hasPrefix("DomeLight_")
    }

    /// Records a light prim; returns its index, or nil once `listedLights` are listed.
    mutating func addLight(prim: String, type: String) -> Int? {
        guard lightPrims.count < Self.listedLights else { return nil }
        lightPrims.append(LightPrim(prim: prim, type: type))
        return lightPrims.count - 1
    }

    mutating func noteShaderID(_ id: String) {
        if let renderer = ShadingRenderers.forShaderID(id) { renderers.insert(renderer) }
        if shaderIDs[id] != nil || shaderIDs.count < Self.listedShaderIDs { shaderIDs[id, default: 0] += 1 }
    }

    mutating func addReference(_ path: String, kind: String) {
        guard !path.isEmpty else { return }  // `@@` is USD's empty asset path, which names nothing.
        let reference = FileReference(path: path, kind: kind)
        if seenReferences.insert(reference).inserted { references.append(reference) }
    }

    /// The index of the variant set `name` on `prim`, added when new.
    mutating func variantSetIndex(prim: String, name: String) -> Int {
        if let index = variantSets.firstIndex(where: { $0.prim == prim && $0.name == name }) { return index }
        variantSets.append(VariantSet(prim: prim, name: name))
        return variantSets.count - 1
    }

    /// Light prims by type.
    var lights: [String: Int] {
        primTypes.filter { type, _ in Self.isLight(type) }
    }

    /// The layer as a light rig when it holds lights: each light with its texture, and the textures.
    var lightRig: JSONValue {
        guard !lightPrims.isEmpty else { return .null }
        return Self.lightRig(lightPrims, count: lights.values.reduce(0, +), composed: false)
    }

    /// `{"kind": "usd_lights", "light_count", "lights": [{prim, type, texture}], "textures", "composed"}`.
    static func lightRig(_ lights: [LightPrim], count: Int, composed: Bool) -> JSONValue {
        var textures: [String] = []
        for texture in lights.compactMap(\.texture) where !textures.contains(texture) { textures.append(texture) }
        return .object([
            "kind": "usd_lights", "light_count": .int(count), "composed": .bool(composed),
            "lights": .array(lights.map { light in
                .object(["prim": .string(light.prim), "type": .string(light.type),
                         "texture": light.texture.map(JSONValue.string) ?? .null])
            }),
            "textures": .array(textures.map(JSONValue.string)),
        ])
    }

    /// At most this many arcs are listed in metadata (all are counted), so a layer of thousands of
    /// instanced references stays a small report.
    static let listedArcs = 1000

    var metadata: [String: JSONValue] {
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.finite) ?? .null }
        func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        func counts(_ values: [String: Int]) -> JSONValue { .object(values.mapValues { .int($0) }) }
        let lights = lights
        // USD's fallbacks when nothing is authored: Y up, centimetres, 24 time codes per second
        // (timeCodesPerSecond falls back to an authored framesPerSecond first).
        let effective: [String: JSONValue] = [
            "up_axis": .string(upAxis ?? "Y"),
            "meters_per_unit": .finite(metersPerUnit ?? 0.01),
            "time_codes_per_second": .finite(timeCodesPerSecond ?? framesPerSecond ?? 24),
        ]
        return [
            "usda_version": string(version),
            "default_prim": string(defaultPrim),
            "up_axis": string(upAxis),
            "meters_per_unit": number(metersPerUnit),
            "start_time_code": number(startTimeCode),
            "end_time_code": number(endTimeCode),
            "time_codes_per_second": number(timeCodesPerSecond),
            "frames_per_second": number(framesPerSecond),
            "effective": .object(effective),
            "sublayers": .array(subLayers.map(JSONValue.string)),
            "prim_count": .int(primCount),
            "prim_types": counts(primTypes),
            "specifiers": counts(specifiers),
            "lights": counts(lights),
            "light_count": .int(lights.values.reduce(0, +)),
            "max_prim_depth": .int(deepestPrim),
            "composition_arc_count": .int(arcs.count),
            "composition_arcs": .array(arcs.prefix(Self.listedArcs).map { arc in
                .object(["prim": .string(arc.prim), "arc": .string(arc.arc), "list_op": .string(arc.listOp),
                         "asset": string(arc.asset), "target": string(arc.target)])
            }),
            "light_rig": lightRig,
            "renderers": .array(renderers.sorted().map(JSONValue.string)),
            "shader_ids": counts(shaderIDs),
            "variant_sets": .array(variantSets.map { set in
                .object(["prim": .string(set.prim), "name": .string(set.name),
                         "variants": .array(set.variants.map(JSONValue.string)), "selection": string(set.selection)])
            }),
        ]
    }
}
