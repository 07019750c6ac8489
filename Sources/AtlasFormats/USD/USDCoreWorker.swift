/// The usd-core worker run by `USDCorePass` (see `PythonWorker`). It mutes every layer named outside
/// the asset root before anything composes (usd-core would otherwise open it: `ComputeAllDependencies`
/// opens sublayers even when its processing function drops them), walks the dependencies with
/// `UsdUtils.ComputeAllDependencies`, composes the stage with payloads loaded and not, reads stage
/// metadata, shading and lights, and runs the validators that look only at scene description.
enum USDCoreWorker {
    static let worker = PythonWorker(name: "the usd-core worker", module: "pxr", package: "usd-core", body: body)

    static let body = #"""
# The usd-core worker. Arguments: FILE ROOT [EXPORT_LIMIT]. Run with cwd an empty folder and no
# PXR_AR_DEFAULT_SEARCH_PATH, so bare asset paths never resolve against the working folder or a search
# path. Layers outside ROOT are muted before anything composes, so usd-core never opens them.
try:
    from pxr import Sdf, Tf, Usd, UsdGeom, UsdLux, UsdShade, UsdUtils
except ImportError as error:
    missing("pxr", error)
try:
    from pxr import UsdValidation
except ImportError:
    UsdValidation = None

LISTED = 2000
export_limit = int(sys.argv[3]) if len(sys.argv) > 3 else 0

def relative(candidate):
    outer, bracket, member = candidate.partition("[")
    return os.path.relpath(outer, root) + bracket + member if inside(outer) else candidate

def target(layer, asset_path):
    """(identifier, where it lies on disk) for an asset path written in layer; None for a URL."""
    if "://" in asset_path or asset_path.startswith("//"):
        return None
    identifier = layer.ComputeAbsolutePath(asset_path)
    if "[" in identifier and "[" in (layer.realPath or ""):
        return identifier, identifier.partition("[")[0]  # inside the package the layer is in
    if os.path.isabs(asset_path):
        return identifier, os.path.normpath(asset_path)
    anchor = os.path.dirname((layer.realPath or path).partition("[")[0])
    return identifier, os.path.normpath(os.path.join(anchor, asset_path))

def layer_name(layer):
    return relative(layer.realPath or layer.identifier)

def mute_escaping_layers(start):
    """Mutes every layer a reachable layer names outside ROOT, so composition never reads it."""
    muted, todo, seen = [], [start], set()
    while todo and len(seen) < 100000:
        layer = todo.pop()
        if layer.identifier in seen:
            continue
        seen.add(layer.identifier)
        named = set(layer.GetCompositionAssetDependencies())
        try:
            for group in UsdUtils.ExtractExternalReferences(layer.identifier):
                named.update(group)
        except Exception:
            pass
        for asset_path in sorted(named):
            found = target(layer, asset_path)
            if found is None or not inside(found[1]):
                if found is not None:
                    Sdf.Layer.AddToMutedLayers(found[0])
                if len(muted) < LISTED:
                    muted.append({"layer": layer_name(layer), "path": asset_path})
                continue
            if asset_path in layer.GetCompositionAssetDependencies() and os.path.exists(found[1]):
                try:
                    opened = Sdf.Layer.FindOrOpen(found[0])
                except Tf.ErrorException:
                    opened = None
                if opened is not None:
                    todo.append(opened)
    return muted

def dependencies(layer_path):
    """Every dependency ComputeAllDependencies walks, with where it resolves inside ROOT."""
    records = []
    def process(layer, info):
        asset_path = info.assetPath
        found = target(layer, asset_path) if asset_path else None
        escapes = found is None or not inside(found[1])
        if len(records) < LISTED:
            kind = "layer" if asset_path in layer.GetCompositionAssetDependencies() else "asset"
            record = {"layer": layer_name(layer), "path": asset_path, "kind": kind, "escapes": escapes}
            if not escapes:
                tiles = list(info.dependencies)
                if tiles:
                    anchor = os.path.dirname((layer.realPath or path).partition("[")[0])
                    record["tiles"] = [relative(os.path.normpath(os.path.join(anchor, tile))) for tile in tiles[:LISTED]]
                    record["resolved"] = relative(found[1])
                    record["exists"] = True
                elif "[" in found[0]:
                    record["resolved"] = relative(found[0])
                    record["exists"] = None
                else:
                    record["resolved"] = relative(found[1])
                    record["exists"] = "<UDIM>" not in asset_path and os.path.exists(found[1])
            records.append(record)
        return UsdUtils.DependencyInfo() if escapes else info
    layers, assets, unresolved = UsdUtils.ComputeAllDependencies(Sdf.AssetPath(layer_path), process)
    packaged = set(relative(a) for a in assets)
    for record in records:
        if record.get("exists") is None and "resolved" in record:
            record["exists"] = record["resolved"] in packaged
    return records, [layer_name(l) for l in layers][:LISTED], list(unresolved)[:LISTED]

def composed(stage):
    count, types = 0, {}
    for prim in stage.Traverse():
        count += 1
        name = prim.GetTypeName()
        if name:
            types[name] = types.get(name, 0) + 1
    return count, types

def shading_and_lights(stage):
    shader_ids, outputs, lights = set(), set(), []
    for prim in stage.Traverse():
        if prim.IsA(UsdShade.Shader):
            shader_id = UsdShade.Shader(prim).GetShaderId()
            if shader_id and len(shader_ids) < LISTED:
                shader_ids.add(str(shader_id))
        elif prim.IsA(UsdShade.Material):
            for output in UsdShade.Material(prim).GetOutputs():
                if len(outputs) < LISTED:
                    outputs.add(output.GetFullName())
        if prim.HasAPI(UsdLux.LightAPI) and len(lights) < LISTED:
            texture = None
            attribute = prim.GetAttribute("inputs:texture:file")
            if attribute and attribute.HasAuthoredValue():
                value = attribute.Get()
                texture = value.path if value is not None else None
            lights.append({"prim": str(prim.GetPath()), "type": prim.GetTypeName(), "texture": texture or None})
    return sorted(shader_ids), sorted(outputs), lights

def metadata(stage, key, effective):
    return {"authored": stage.GetMetadata(key) if stage.HasAuthoredMetadata(key) else None, "effective": effective}

# Validators that look only at scene description. Those that open files (package and texture checks,
# missing-reference checks, Sdr source assets) would open paths outside ROOT, so they are not run;
# nor are validators of plugins not listed here, which a newer usd-core may add.
SAFE_PLUGINS = ("usdValidation:", "usdGeomValidators:", "usdSkelValidators:", "usdLuxValidators:",
                "usdPhysicsValidators:", "usdMediaValidators:", "usdShadeValidators:")
OPENS_FILES = ("usdShadeValidators:NormalMapTextureValidator", "usdShadeValidators:ShaderSdrCompliance")

def validate(stage):
    if UsdValidation is None:
        return None
    validators = [v for v in UsdValidation.ValidationRegistry().GetOrLoadAllValidators()
                  if v.GetMetadata().name.startswith(SAFE_PLUGINS) and v.GetMetadata().name not in OPENS_FILES]
    found = []
    for error in UsdValidation.ValidationContext(validators).Validate(stage)[:LISTED]:
        validator = error.GetValidator()
        found.append({"validator": validator.GetMetadata().name if validator else "", "name": str(error.GetName()),
                      "type": str(error.GetType()).rpartition(".")[2], "message": clean(error.GetMessage())})
    return found

def main():
    result = {"usd_version": ".".join(str(n) for n in Usd.GetVersion())}
    try:
        layer = Sdf.Layer.FindOrOpen(path)
    except Tf.ErrorException as error:
        emit(dict(result, open_error=clean(error)))
        return
    if layer is None:
        emit(dict(result, open_error="usd-core could not open the layer"))
        return
    if export_limit > 0:
        text = layer.ExportToString().encode("utf-8")
        result["layer_text"] = text[:export_limit].decode("utf-8", "ignore")
        result["layer_text_truncated"] = len(text) > export_limit
    result["muted"] = mute_escaping_layers(layer)
    result["dependencies"], result["layers"], result["unresolved"] = dependencies(path)
    try:
        stage = Usd.Stage.Open(layer, Usd.Stage.LoadAll)
        unloaded = Usd.Stage.Open(layer, Usd.Stage.LoadNone)
    except Tf.ErrorException as error:
        emit(dict(result, open_error=clean(error)))
        return
    result["prims_loaded"], result["types_loaded"] = composed(stage)
    result["prims_unloaded"], result["types_unloaded"] = composed(unloaded)
    default_prim = stage.GetDefaultPrim()
    result["default_prim"] = str(default_prim.GetPath()) if default_prim else None
    result["up_axis"] = metadata(stage, "upAxis", str(UsdGeom.GetStageUpAxis(stage)))
    result["meters_per_unit"] = metadata(stage, "metersPerUnit", UsdGeom.GetStageMetersPerUnit(stage))
    result["time_codes_per_second"] = metadata(stage, "timeCodesPerSecond", stage.GetTimeCodesPerSecond())
    result["shader_ids"], result["material_outputs"], result["lights"] = shading_and_lights(stage)
    result["validation"] = validate(stage)
    emit(result)

"""#
}
