import Foundation

/// `folder_paths.get_save_image_path`: where a save node writes and which counter it starts at.
/// `atlas/job/plate` writes `plate_<counter:05>_.png` in `<folder>/atlas/job`, the counter being
/// one more than the highest already there for that name (per instance, not atomic).
struct SaveImagePath: Sendable {
    var folder: URL
    var filename: String
    var counter: Int
    var subfolder: String

    init(prefix: String, in base: URL, width: Int, height: Int, now: Date = Date()) throws(PythonException) {
        let expanded = prefix.contains("%") ? Self.expand(prefix, width: width, height: height, now: now) : prefix
        let normalized = PythonPath.normpath(expanded)
        subfolder = PythonPath.dirname(normalized)
        filename = PythonPath.basename(normalized)
        let fullFolder = PythonPath.join(base.path, subfolder)
        guard PythonPath.isInside(fullFolder, base.path) else {
            throw PythonException(type: "Exception", message: """
                **** ERROR: Saving image outside the output folder is not allowed.
                 full_output_folder: \(PythonPath.abspath(fullFolder))
                         output_dir: \(base.path)
                """)
        }
        folder = URL(fileURLWithPath: PythonPath.abspath(fullFolder), isDirectory: true)
        counter = Self.nextCounter(in: folder, filename: filename, prefixLength: PythonPath.basename(expanded).count)
    }

    /// The name of frame `index` of a batch: `%batch_num%` is replaced, counters follow on.
    func fileName(forFrame index: Int) -> String {
        let counterText = String(counter + index)
        let padded = String(repeating: "0", count: max(0, 5 - counterText.count)) + counterText
        return filename.replacingOccurrences(of: "%batch_num%", with: String(index)) + "_\(padded)_.png"
    }

    private static func nextCounter(in folder: URL, filename: String, prefixLength: Int) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return 1
        }
        let counters = names.compactMap { name -> Int? in
            let characters = Array(name)
            guard characters.count > prefixLength else { return nil }
            let prefix = String(characters[0...prefixLength])
            guard prefix.dropLast() == filename, prefix.last == "_" else { return nil }
            let rest = String(characters[(prefixLength + 1)...])
            return PythonConversion.integerLiteral(String(rest.split(separator: "_", omittingEmptySubsequences: false).first ?? "")) ?? 0
        }
        return (counters.max() ?? 0) + 1
    }

    private static func expand(_ prefix: String, width: Int, height: Int, now: Date) -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute, .second], from: now)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
        return [("%width%", String(width)), ("%height%", String(height)), ("%year%", String(parts.year ?? 0)),
                ("%month%", two(parts.month)), ("%day%", two(parts.day)), ("%hour%", two(parts.hour)),
                ("%minute%", two(parts.minute)), ("%second%", two(parts.second))]
            .reduce(prefix) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}
