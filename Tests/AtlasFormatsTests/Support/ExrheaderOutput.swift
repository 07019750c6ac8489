import Foundation

/// What `exrheader` printed for a file, parsed so the tests can compare it with `EXRHeaderParser`.
struct ExrheaderOutput {
    struct Part {
        /// Attribute name → (type name, printed value: the rest of the line).
        var attributes: [String: (type: String, value: String)] = [:]
        /// (name, pixel type name, x sampling, y sampling) in printed order.
        var channels: [(String, String, Int, Int)] = []
    }

    var flags: UInt32 = 0
    var parts: [Part] = []
    /// exrheader marks a file "(incomplete)" when its offset table has unwritten entries.
    var incomplete = false

    static let pixelTypes = ["16-bit floating-point": "half", "32-bit floating-point": "float", "32-bit unsigned integer": "uint"]
    /// exrheader's labels for compression, by our names.
    static let compressionLabels = [
        "no compression": "none", "none": "none", "run-length encoding": "rle", "zip, individual scanlines": "zips",
        "zip, multi-scanline blocks": "zip", "piz": "piz", "pxr24": "pxr24", "b44": "b44", "b44a": "b44a",
        "dwa, small scanline blocks": "dwaa", "dwa, medium scanline blocks": "dwab",
    ]

    init(_ text: String) {
        var current: Part?
        var inChannels = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("file "), line.contains("(incomplete)") { incomplete = true }
            if line.hasPrefix("file format version:"), let range = line.range(of: "flags 0x") {
                flags = UInt32(line[range.upperBound...].trimmingCharacters(in: .whitespaces), radix: 16) ?? 0
                continue
            }
            if line.hasPrefix(" part ") {
                if let current { parts.append(current) }
                current = Part()
                inChannels = false
                continue
            }
            if line.hasPrefix("    "), inChannels {
                let fields = line.trimmingCharacters(in: .whitespaces).components(separatedBy: ", ")
                if fields.count == 3 {
                    let sampling = fields[2].split(separator: " ").compactMap { Int($0) }
                    current?.channels.append((fields[0], Self.pixelTypes[fields[1]] ?? fields[1], sampling.first ?? 0, sampling.last ?? 0))
                }
                continue
            }
            inChannels = false
            guard let open = line.range(of: " (type "), let close = line.range(of: "):", range: open.upperBound..<line.endIndex) else { continue }
            if current == nil { current = Part() }
            let name = String(line[..<open.lowerBound])
            let type = String(line[open.upperBound..<close.lowerBound])
            current?.attributes[name] = (type, line[close.upperBound...].trimmingCharacters(in: .whitespaces))
            inChannels = type == "chlist"
        }
        if let current { parts.append(current) }
    }
}
