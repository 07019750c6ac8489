import AtlasCore
import AtlasFormats

/// Decides which files become one asset: a scene, model or material with the files it names
/// inside the folder (transitively: an OBJ, its MTL, the MTL's textures); then each folder's image
/// sequences; then every other file on its own.
///
/// References go first so that a texture a USD names travels with the USD rather than becoming
/// an asset of its own. A file two scenes name goes into both versions (its bytes are stored once).
enum IngestGrouper {
    /// The groups of `files` (already inspected and accepted), ordered by source.
    static func groups(_ files: [InspectedFile]) -> [IngestGroup] {
        let byPath = Dictionary(files.map { ($0.file.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        let references = referencedFiles(byPath)
        var groups: [IngestGroup] = []
        var claimed = Set<String>()
        for root in roots(references) {
            let paths = closure(of: root, references)
            claimed.formUnion(paths)
            groups.append(group(root: byPath[root]!, members: paths.map { byPath[$0]!.file }, kind: .withReferences))
        }
        let rest = files.filter { !claimed.contains($0.file.relativePath) }
        let images = rest.filter { $0.report.category == .image }
        let singles = sequences(in: images, into: &groups)
        for file in rest where file.report.category != .image || singles.contains(file.file.relativePath) {
            groups.append(group(root: file, members: [file.file], kind: .single))
        }
        return groups.sorted { $0.source < $1.source }
    }

    // MARK: References

    /// For each file that names files of the folder, those files (never itself).
    private static func referencedFiles(_ byPath: [String: InspectedFile]) -> [String: [String]] {
        let paths = Set(byPath.keys)
        var result: [String: [String]] = [:]
        for (path, file) in byPath where !file.report.references.isEmpty {
            var found = Set<String>()
            for reference in file.report.references {
                if case .inside(let matches) = ReferenceResolver.resolve(reference.path, from: path, within: paths) {
                    found.formUnion(matches)
                }
            }
            found.remove(path)
            if !found.isEmpty { result[path] = found.sorted() }
        }
        return result
    }

    /// Files that name others and that nothing names; then, for files that only name each other
    /// in a cycle, the first of each cycle by path.
    private static func roots(_ references: [String: [String]]) -> [String] {
        let named = Set(references.values.joined())
        var roots = references.keys.filter { !named.contains($0) }.sorted()
        var covered = Set(roots.flatMap { closure(of: $0, references) })
        for path in references.keys.sorted() where !covered.contains(path) {
            roots.append(path)
            covered.formUnion(closure(of: path, references))
        }
        return roots
    }

    /// `root` first, then every file it leads to, by path.
    private static func closure(of root: String, _ references: [String: [String]]) -> [String] {
        var seen: Set<String> = [root]
        var pending = [root]
        while let path = pending.popLast() {
            for next in references[path] ?? [] where seen.insert(next).inserted { pending.append(next) }
        }
        seen.remove(root)
        return [root] + seen.sorted()
    }

    // MARK: Sequences

    /// Adds a group per image sequence of each folder; returns the paths of images that are in none.
    private static func sequences(in images: [InspectedFile], into groups: inout [IngestGroup]) -> Set<String> {
        var singles = Set<String>()
        let byFolder = Dictionary(grouping: images, by: \.file.folder)
        for (folder, files) in byFolder {
            let byName = Dictionary(files.map { ($0.file.fileName, $0) }, uniquingKeysWith: { first, _ in first })
            let found = SequenceDetector.group(files.map(\.file.fileName))
            for sequence in found.sequences {
                let frames = sequence.frames.compactMap { sequence.files[$0].flatMap { byName[$0] } }
                guard let first = frames.first else { continue }
                let pattern = sequence.pattern.hashNotation
                var group = group(root: first, members: frames.map(\.file), kind: .sequence)
                group.source = folder.isEmpty ? pattern : folder + "/" + pattern
                group.name = AssetNaming.sequenceName(prefix: sequence.pattern.prefix, folder: folder)
                group.type = .sequence
                groups.append(group)
            }
            singles.formUnion(found.singles.map { folder.isEmpty ? $0 : folder + "/" + $0 })
        }
        return singles
    }

    // MARK: Building a group

    private static func group(root: InspectedFile, members: [TreeFile], kind: IngestGroup.Kind) -> IngestGroup {
        let base = commonFolder(members.map(\.relativePath))
        let placed = members.map { file in
            IngestGroup.Member(path: String(file.relativePath.dropFirst(base.isEmpty ? 0 : base.count + 1)), file: file)
        }
        return IngestGroup(source: root.file.relativePath, name: AssetNaming.fileName(root.file.fileName),
                           type: AssetNaming.type(of: root.report), format: root.report.format?.rawValue,
                           kind: kind, members: placed)
    }

    /// The deepest folder holding every path (empty when they share none).
    private static func commonFolder(_ paths: [String]) -> String {
        let folders = paths.map { $0.split(separator: "/").dropLast() }
        guard var common = folders.first.map(Array.init) else { return "" }
        for folder in folders.dropFirst() {
            common = Array(zip(common, folder).prefix { $0 == $1 }.map(\.0))
        }
        return common.joined(separator: "/")
    }
}
