import Foundation

/// What a version's preview shows, chosen from its files: pictures first, then models.
public enum PreviewSubject: Sendable {
    /// One image (the first by path when there are several and no sequence).
    case image(InspectedFile)
    /// The longest image sequence, its frames in order.
    case sequence(pattern: String, frames: [InspectedFile])
    /// A geometry or scene file (OBJ, FBX, glTF, USD), rendered when Blender is installed.
    case model(InspectedFile)
    /// Nothing here can be shown, and why.
    case nothing(String)

    /// Chooses from the version's files, inspected.
    public static func choose(from sources: [InspectedFile]) -> PreviewSubject {
        let ordered = sources.sorted { $0.name < $1.name }
        let images = ordered.filter { $0.report.category == .image }
        if let sequence = longestSequence(among: images) { return sequence }
        if let image = images.first { return .image(image) }
        if let model = ordered.first(where: { [.geometry, .scene].contains($0.report.category) }) { return .model(model) }
        return .nothing(sources.isEmpty ? "the version has no files"
                        : "no file of this version is an image, an image sequence or a 3D model")
    }

    /// Sequences are found per folder, as `SequenceDetector` groups names; the one with the
    /// most frames wins (the first by folder and pattern on a tie).
    static func longestSequence(among images: [InspectedFile]) -> PreviewSubject? {
        var byFolder: [String: [String: InspectedFile]] = [:]
        for image in images {
            let name = image.name as NSString
            byFolder[name.deletingLastPathComponent, default: [:]][name.lastPathComponent] = image
        }
        var best: (pattern: String, frames: [InspectedFile])?
        for (folder, files) in byFolder.sorted(by: { $0.key < $1.key }) {
            for sequence in SequenceDetector.group(files.keys.sorted()).sequences {
                let frames = sequence.frames.compactMap { sequence.files[$0].flatMap { files[$0] } }
                guard frames.count > (best?.frames.count ?? 0) else { continue }
                let pattern = sequence.pattern.hashNotation
                best = (folder.isEmpty ? pattern : "\(folder)/\(pattern)", frames)
            }
        }
        return best.map { .sequence(pattern: $0.pattern, frames: $0.frames) }
    }
}
