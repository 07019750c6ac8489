import Foundation

/// ComfyUI's annotated file names: `name.png [output]` names a file of the output folder,
/// `[input]` and `[temp]` likewise; a plain name belongs to a default folder.
struct AnnotatedFilePath: Sendable, Hashable {
    var name: String
    /// The folder the annotation names, nil when there is none.
    var folder: URL?

    init(_ annotated: String, folders: StandInFolders) {
        for (suffix, folder) in [("[output]", folders.output), ("[input]", folders.input), ("[temp]", folders.temp)]
        where annotated.hasSuffix(suffix) {
            // Python slices one character more than the suffix: the space before it.
            name = String(annotated.dropLast(suffix.count + 1))
            self.folder = folder
            return
        }
        name = annotated
        folder = nil
    }

    /// `get_annotated_filepath`: the path in the annotated folder, else in `defaultFolder`.
    func path(defaultFolder: URL) -> String {
        PythonPath.join((folder ?? defaultFolder).path, name)
    }
}
