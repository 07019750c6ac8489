extension FileFormat {
    /// The formats a file's name claims by its extension (`plate.exr` → OpenEXR); nil for names
    /// Atlas has no opinion on (`notes.txt`, `shot.nk`).
    ///
    /// Lets a caller tell content that is simply of a kind Atlas does not read from a file that
    /// claims a format and is not it (a mislabelled or corrupt file).
    public static func claimed(byFileName fileName: String) -> Set<FileFormat>? {
        FileExtension.of(fileName).flatMap(FileExtension.expectedFormats(for:))
    }
}
