/// Identifies a file's format from its first bytes, never from its name.
public enum FormatSniffer {
    /// How many leading bytes `detect` looks at; the text heuristics need a few lines.
    public static let prefixLength = 4096

    /// The format whose magic bytes (or, for text formats, whose opening lines) `prefix` matches.
    public static func detect(_ prefix: [UInt8]) -> FileFormat? {
        func starts(_ magic: [UInt8]) -> Bool { prefix.starts(with: magic) }
        func starts(_ text: String) -> Bool { prefix.starts(with: Array(text.utf8)) }

        if starts(EXRHeaderParser.magic) { return .openEXR }
        if starts(PNGHandler.signature) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A])
            || starts([0x49, 0x49, 0x2B, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2B]) { return .tiff }
        if starts("#?RADIANCE") || starts("#?RGBE") { return .radianceHDR }
        if starts("PXR-USDC") { return .usdc }
        if starts("#usda") { return .usda }
        if starts("glTF") { return .glb }
        if starts("Kaydara FBX Binary") { return .fbxBinary }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return isUSDZ(prefix) ? .usdz : .zip }
        return detectText(prefix)
    }

    /// A zip whose first entry is a USD layer is a USDZ package (the spec requires the root layer first).
    static func isUSDZ(_ prefix: [UInt8]) -> Bool {
        var reader = ByteReader(prefix)
        guard (try? reader.seek(to: 26)) != nil, let nameLength = try? reader.u16(), (try? reader.u16()) != nil,
              let name = try? reader.bytes(Int(nameLength)) else { return false }
        let lowered = String(decoding: name, as: UTF8.self).lowercased()
        return lowered.hasSuffix(".usd") || lowered.hasSuffix(".usda") || lowered.hasSuffix(".usdc")
    }

    /// Text formats: FBX ASCII, glTF JSON, MaterialX XML, OBJ and MTL, recognised by their opening statements.
    static func detectText(_ prefix: [UInt8]) -> FileFormat? {
        guard !prefix.isEmpty, !prefix.contains(0) else { return nil }
        var bytes = prefix[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }  // UTF-8 byte order mark
        let text = String(decoding: bytes, as: UTF8.self)
        let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        if trimmed.hasPrefix("; FBX") { return .fbxASCII }
        if trimmed.hasPrefix("{") { return trimmed.contains("\"asset\"") ? .gltf : nil }
        if trimmed.hasPrefix("<") { return trimmed.contains("<materialx") ? .materialX : nil }
        return detectWavefront(text)
    }

    private static let objKeywords: Set<Substring> = ["v", "vt", "vn", "vp", "f", "l", "p", "o", "g", "s", "usemtl", "mtllib"]

    /// MTL when the prefix defines a material (`newmtl`) and no geometry; OBJ when nearly every statement
    /// is an OBJ keyword (a few unknown statements are tolerated, as readers ignore them; one alone proves nothing).
    private static func detectWavefront(_ text: String) -> FileFormat? {
        var lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        if lines.count > 1, !text.hasSuffix("\n") { lines.removeLast() }  // The prefix may cut the last line.
        var obj = 0, other = 0, materials = 0
        for line in lines {
            guard let keyword = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first,
                  !keyword.hasPrefix("#") else { continue }
            if keyword == "newmtl" { materials += 1 } else if objKeywords.contains(keyword) { obj += 1 } else { other += 1 }
        }
        if materials > 0 && obj == 0 { return .mtl }
        if obj >= 2 && materials == 0 && other * 10 <= obj { return .obj }
        return nil
    }
}
