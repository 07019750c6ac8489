import ArgumentParser
import AtlasFormats
import Foundation

struct Inspect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report what files are from their bytes (format, image, metadata, problems) and the image sequences they form, as JSON; exit 1 on any error.")

    @Argument(help: "Files and folders (folders are read recursively).")
    var paths: [String]

    func run() async throws {
        let inspection = PathInspection.inspect(paths)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(inspection.json) + Data("\n".utf8))
        if inspection.hasErrors { throw ExitCode(1) }
    }
}
