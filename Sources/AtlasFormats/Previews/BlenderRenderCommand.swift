/// The Blender run (background mode, factory settings, no user add-ons) that renders a model
/// to a PNG: the file is imported by its format, a camera frames its bounding box from above
/// and to the front-right, and the Workbench engine (no GPU, no lights needed) renders it.
public struct BlenderRenderCommand: Sendable {
    public var input: String
    public var format: FileFormat
    /// A `.png` path.
    public var output: String
    /// The image's width; its height is three quarters of it.
    public var width: Int

    public init(input: String, format: FileFormat, output: String, width: Int = PreviewKind.proxy.longestSide) {
        self.input = input
        self.format = format
        self.output = output
        self.width = width
    }

    /// The importer the script uses for `format`; nil when Blender reads no such file.
    public static func importer(for format: FileFormat) -> String? {
        switch format {
        case .obj: "obj"
        case .fbxBinary, .fbxASCII: "fbx"
        case .gltf, .glb: "gltf"
        case .usda, .usdc, .usdz: "usd"
        default: nil
        }
    }

    public var arguments: [String] {
        ["--background", "--factory-startup", "--python-exit-code", "1", "--python-expr", Self.script,
         "--", input, Self.importer(for: format) ?? "", output, String(width)]
    }

    public func command(tool: String = "blender", timeout: Double) -> ToolCommand {
        // Blender reserves far more address space than it touches; a tight cap stops it starting.
        ToolCommand(tool, arguments, timeout: timeout, memoryLimit: 16 << 30)
    }

    /// The script run inside Blender. Old and new importer names are both tried: Blender 3.x
    /// renamed the OBJ importer (`wm.obj_import`) and 4.x removed the old one.
    static let script = """
        import bpy, sys, math
        from mathutils import Vector
        source, importer, output, width = sys.argv[sys.argv.index("--") + 1:][:4]
        bpy.ops.wm.read_factory_settings(use_empty=True)
        if importer == "obj":
            if hasattr(bpy.ops.wm, "obj_import"):
                bpy.ops.wm.obj_import(filepath=source)
            else:
                bpy.ops.import_scene.obj(filepath=source)
        elif importer == "fbx":
            bpy.ops.import_scene.fbx(filepath=source)
        elif importer == "gltf":
            bpy.ops.import_scene.gltf(filepath=source)
        elif importer == "usd":
            bpy.ops.wm.usd_import(filepath=source)
        else:
            sys.exit("Blender has no importer for this file")
        scene = bpy.context.scene
        meshes = [o for o in scene.objects if o.type == "MESH"]
        if not meshes:
            sys.exit("the file holds no mesh to render")
        corners = [o.matrix_world @ Vector(c) for o in meshes for c in o.bound_box]
        low = Vector([min(c[i] for c in corners) for i in range(3)])
        high = Vector([max(c[i] for c in corners) for i in range(3)])
        center, radius = (low + high) / 2, max((high - low).length / 2, 1e-6)
        camera = bpy.data.objects.new("atlas_camera", bpy.data.cameras.new("atlas_camera"))
        scene.collection.objects.link(camera)
        scene.camera = camera
        vertical = 2 * math.atan(math.tan(camera.data.angle / 2) * 0.75)
        distance = radius / math.sin(vertical / 2) * 1.1
        camera.location = center + Vector((1, -1, 0.7)).normalized() * distance
        camera.rotation_euler = (center - camera.location).to_track_quat("-Z", "Y").to_euler()
        camera.data.clip_start = distance / 1000
        camera.data.clip_end = distance + 4 * radius
        scene.render.engine = "BLENDER_WORKBENCH"
        scene.display.shading.light = "STUDIO"
        scene.display.shading.color_type = "MATERIAL"
        scene.render.resolution_x = int(width)
        scene.render.resolution_y = int(width) * 3 // 4
        scene.render.resolution_percentage = 100
        scene.render.image_settings.file_format = "PNG"
        scene.render.filepath = output
        bpy.ops.render.render(write_still=True)
        """
}
