import Foundation

/// The first line of `oiiotool --info -v`: `name : 64 x 32, 3 channel, uint8 png`, plus its `channel list:`.
struct OIIOInfo: Equatable {
    var width: Int
    var height: Int
    var channelCount: Int
    /// uint8, uint16, half, float …
    var dataFormat: String
    var channelNames: [String]

    static func of(_ path: String) throws -> OIIOInfo {
        let output = try ExternalTool.oiiotool.run(["--info", "-v", path]).output
        let lines = output.split(separator: "\n").map(String.init)
        guard let line = lines.first(where: { $0.contains(" x ") && $0.contains(" channel") }) else {
            throw ExternalTool.Failed(description: "unexpected oiiotool --info output: \(output)")
        }
        let summary = line.split(separator: ":", maxSplits: 1)[1]
        let fields = summary.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let size = fields[0].components(separatedBy: " x ").map { Int($0.trimmingCharacters(in: .whitespaces)) ?? -1 }
        let channels = Int(fields[1].split(separator: " ")[0]) ?? -1
        let format = String(fields[2].split(separator: " ")[0])
        let names = lines.first { $0.contains("channel list:") }?
            .components(separatedBy: "channel list:")[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        return OIIOInfo(width: size[0], height: size[1], channelCount: channels, dataFormat: format, channelNames: names)
    }
}
