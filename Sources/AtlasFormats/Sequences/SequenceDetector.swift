/// Groups file names into image sequences, the way an artist reads a folder listing.
///
/// Names are grouped by (prefix, suffix); within a group, numbers written with leading zeros fix the
/// padding (`0999` means 4), a wider number without them still belongs (`10000` in a 4-digit sequence),
/// and numbers of different widths without leading zeros make an unpadded sequence. A number that is
/// alone in its group is not a frame: the file is a single.
public enum SequenceDetector {
    /// Sequences (two or more frames) and the names that belong to none, both in a stable order.
    public static func group(_ fileNames: [String]) -> (sequences: [ImageSequence], singles: [String]) {
        var groups: [String: [FrameNumberedName]] = [:]
        var keys: [String] = []
        var singles: [String] = []
        var original: [FrameNumberedName: String] = [:]
        for fileName in fileNames {
            guard let name = FrameNumberedName(fileName) else {
                singles.append(fileName)
                continue
            }
            let key = name.prefix + "\u{0}" + name.suffix
            if groups[key] == nil { keys.append(key) }
            groups[key, default: []].append(name)
            original[name] = fileName
        }
        var sequences: [ImageSequence] = []
        for key in keys {
            for (padding, members) in splitByPadding(groups[key] ?? []) {
                var files: [Int: String] = [:]
                var duplicates: [String] = []
                for member in members {
                    // Two names for one frame (`-0` and `0`) cannot both be frames; the later one stays single.
                    if files[member.frame] == nil { files[member.frame] = original[member] } else { duplicates.append(original[member]!) }
                }
                if files.count >= 2 {
                    let first = members[0]
                    sequences.append(ImageSequence(
                        pattern: SequencePattern(prefix: first.prefix, padding: padding, suffix: first.suffix), files: files))
                    singles += duplicates
                } else {
                    singles += members.map { original[$0]! }
                }
            }
        }
        return (sequences, singles)
    }

    /// Splits one (prefix, suffix) group into candidate sequences by padding.
    static func splitByPadding(_ names: [FrameNumberedName]) -> [(Int, [FrameNumberedName])] {
        let paddedWidths = Set(names.filter(\.hasLeadingZero).map(\.digitCount)).sorted()
        var buckets: [Int: [FrameNumberedName]] = [:]
        var unpadded: [FrameNumberedName] = []
        for name in names {
            if name.hasLeadingZero {
                buckets[name.digitCount, default: []].append(name)
            } else if let width = paddedWidths.last(where: { $0 <= name.digitCount }) {
                buckets[width, default: []].append(name)
            } else {
                unpadded.append(name)
            }
        }
        var result = paddedWidths.compactMap { width in buckets[width].map { (width, $0) } }
        if !unpadded.isEmpty {
            let widths = Set(unpadded.map(\.digitCount))
            // All the same width (1001…1100) reads as padded to that width; mixed widths (9, 10, 11) as unpadded.
            let padding = widths.count == 1 && widths.first! > 1 ? widths.first! : 0
            result.append((padding, unpadded))
        }
        return result
    }
}
