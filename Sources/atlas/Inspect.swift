import ArgumentParser
import AtlasFormats
import AtlasServer
import Foundation

struct Inspect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report what files are from their bytes (format, image, metadata, problems) and the image sequences they form, then what assimp, usd-core and MaterialX add (ATLAS_PYTHON, ATLAS_TOOL_TIMEOUT_SECONDS), as JSON; exit 1 on any error.")

    @Argument(help: "Files and folders (folders are read recursively; a file's references must stay inside the folder given).")
    var paths: [String]

    @Flag(name: .customLong("no-tools"), help: "Only the native inspection: run no external tool.")
    var noTools = false

    func run() async throws {
        let inspection: PathInspection
        if noTools {
            inspection = PathInspection.inspect(paths)
        } else {
            let configuration: AtlasConfiguration
            do {
                configuration = try AtlasConfiguration.load(environment: ProcessInfo.processInfo.environment)
            } catch {
                throw ValidationError(error.description)
            }
            inspection = await PathInspection.inspect(paths, tools: configuration.inspectionTools)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(inspection.json) + Data("\n".utf8))
        if inspection.hasErrors { throw ExitCode(1) }
    }
}
