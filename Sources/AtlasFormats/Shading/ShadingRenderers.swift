/// The renderers a material or scene is written for, recognised from what the file itself says:
/// USD shader ids and material outputs, MaterialX node categories and `target` attributes.
/// Redshift and Arnold have no open interchange, so their shaders are only recognised and
/// recorded (as metadata and `renderer:` tags), never read.
enum ShadingRenderers {
    static let arnold = "arnold"
    static let redshift = "redshift"
    /// MaterialX shading (a `.mtlx` document, or USD shaders with `ND_…` ids or `outputs:mtlx:surface`).
    static let materialX = "mtlx"
    /// USD's own preview shading family (`UsdPreviewSurface`, `UsdUVTexture`, `UsdPrimvarReader_…`).
    static let usdPreviewSurface = "usdpreviewsurface"

    /// The renderer a USD shader's `info:id` belongs to: `redshift::StandardMaterial`,
    /// `arnold:standard_surface`, `UsdPreviewSurface`, `ND_standard_surface_surfaceshader`.
    static func forShaderID(_ id: String) -> String? {
        let lowered = id.lowercased()
        if lowered.hasPrefix("redshift:") || lowered.hasPrefix("rs::") { return redshift }
        if lowered.hasPrefix("arnold:") || lowered.hasPrefix("ai:") { return arnold }
        if lowered.hasPrefix("nd_") { return materialX }
        if lowered == "usdpreviewsurface" || lowered == "usduvtexture" || lowered.hasPrefix("usdprimvarreader")
            || lowered == "usdtransform2d" { return usdPreviewSurface }
        return nil
    }

    /// The render context of a USD material output: `outputs:redshift:surface`, `outputs:arnold:displacement`,
    /// `outputs:mtlx:surface`; nil for the universal `outputs:surface`.
    static func forMaterialOutput(_ name: String) -> String? {
        guard name.hasPrefix("outputs:") else { return nil }
        let parts = name.dropFirst("outputs:".count).split(separator: ":")
        guard parts.count >= 2 else { return nil }
        switch parts[0].lowercased() {
        case "redshift": return redshift
        case "arnold": return arnold
        case "mtlx": return materialX
        default: return nil
        }
    }

    /// The renderer of a MaterialX node category or nodedef node name (`redshift:StandardMaterial`,
    /// `arnold:standard_surface`, `ND_redshift_…`, `UsdPreviewSurface`); nil for the standard library.
    static func forMaterialXCategory(_ category: String) -> String? {
        let lowered = category.lowercased()
        for (prefixes, renderer) in [(["redshift:", "redshift_", "rs:", "nd_redshift", "nd_rs_"], redshift),
                                     (["arnold:", "arnold_", "ai:", "nd_arnold", "nd_ai_"], arnold)]
            where prefixes.contains(where: lowered.hasPrefix) {
            return renderer
        }
        if lowered == "usdpreviewsurface" || lowered == "usduvtexture" || lowered.hasPrefix("usdprimvarreader") {
            return usdPreviewSurface
        }
        return nil
    }

    /// The renderer a MaterialX `target` attribute names (`arnold`, `redshift`); shader-generation
    /// targets such as `genglsl` name no renderer.
    static func forTarget(_ target: String) -> String? {
        switch target.lowercased() {
        case "arnold", "ai": arnold
        case "redshift", "rs": redshift
        default: nil
        }
    }
}
