import Foundation

/// EXR fixtures the tests make with the OpenEXR Python binding (multi-part, deep, custom attributes, new
/// compressions) and helpers that edit a header in place (to declare absurd sizes or unknown ids).
enum EXRFixtures {
    /// A two-part file: `beauty` (scanline, piz, half RGB + float Z, custom attributes) and
    /// `diffuse` (tiled 16 × 16 one level, zip, one layered channel).
    static func multipart(in folder: FixtureFolder, name: String = "multi.exr") throws {
        try ExternalTool.python("""
            import OpenEXR, numpy as np
            h, w = 32, 48
            t = OpenEXR.TileDescription(); t.xSize = 16; t.ySize = 16
            t.mode = OpenEXR.ONE_LEVEL; t.roundingMode = OpenEXR.ROUND_DOWN
            beauty = OpenEXR.Part({"compression": OpenEXR.PIZ_COMPRESSION, "type": OpenEXR.scanlineimage,
                                   "shot": "sh010", "frameNum": 1001, "myVec": (1.0, 2.0, 3.0), "exposure": 1.5},
                                  {"RGB": np.zeros((h, w, 3), dtype=np.float16), "Z": np.ones((h, w), dtype=np.float32)},
                                  name="beauty")
            diffuse = OpenEXR.Part({"compression": OpenEXR.ZIP_COMPRESSION, "type": OpenEXR.tiledimage, "tiles": t},
                                   {"diffuse.R": np.zeros((h, w), dtype=np.float16)}, name="diffuse")
            with OpenEXR.File([beauty, diffuse]) as f:
                f.write("\(name)")
            """, in: folder.url)
    }

    /// A tiled part with mip-map levels, of which the binding writes only the first: the rest of the
    /// offset table stays zero, as in a render that was interrupted.
    static func unfinishedMipmap(in folder: FixtureFolder, name: String) throws {
        try ExternalTool.python("""
            import OpenEXR, numpy as np
            t = OpenEXR.TileDescription(); t.xSize = 16; t.ySize = 16
            t.mode = OpenEXR.MIPMAP_LEVELS; t.roundingMode = OpenEXR.ROUND_DOWN
            with OpenEXR.File({"type": OpenEXR.tiledimage, "tiles": t, "compression": OpenEXR.ZIP_COMPRESSION},
                              {"Y": np.zeros((32, 48), dtype=np.float16)}) as f:
                f.write("\(name)")
            """, in: folder.url)
    }

    /// A deep scanline file with 0–2 float Z samples per pixel.
    static func deep(in folder: FixtureFolder, name: String = "deep.exr") throws {
        try ExternalTool.python("""
            import OpenEXR, numpy as np
            h, w = 16, 24
            d = np.empty((h, w), dtype=object)
            for y in range(h):
                for x in range(w):
                    d[y, x] = np.array([0.5] * ((x + y) % 3), dtype=np.float32)
            with OpenEXR.File({"type": OpenEXR.deepscanline, "compression": OpenEXR.ZIPS_COMPRESSION}, {"Z": d}) as f:
                f.write("\(name)")
            """, in: folder.url)
    }

    /// A scanline file compressed with zstd (id 13), which OpenEXR 3.5 writes and 3.1 cannot read.
    static func zstd(in folder: FixtureFolder, name: String = "zstd.exr") throws {
        try ExternalTool.python("""
            import OpenEXR, numpy as np
            with OpenEXR.File({"compression": OpenEXR.ZSTD_COMPRESSION},
                              {"RGB": np.zeros((20, 30, 3), dtype=np.float16)}) as f:
                f.write("\(name)")
            """, in: folder.url)
    }

    /// The offset of the value of attribute `name` of type `type` (after its name, type and size).
    static func valueOffset(of name: String, type: String, in bytes: [UInt8]) -> Int? {
        let needle = Array(name.utf8) + [0] + Array(type.utf8) + [0]
        guard needle.count < bytes.count else { return nil }
        for start in 0..<(bytes.count - needle.count) where Array(bytes[start..<start + needle.count]) == needle {
            return start + needle.count + 4
        }
        return nil
    }

    /// Overwrites the value of attribute `name` with `value` (which must have the same size).
    static func patch(_ bytes: inout [UInt8], attribute name: String, type: String, with value: [UInt8]) throws {
        guard let offset = valueOffset(of: name, type: type, in: bytes) else {
            throw ExternalTool.Failed(description: "no attribute \(name) of type \(type) in the fixture")
        }
        bytes.replaceSubrange(offset..<offset + value.count, with: value)
    }

    static func int32LE(_ values: Int32...) -> [UInt8] {
        values.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: UInt32(bitPattern: value) >> (8 * $0)) } }
    }
}
