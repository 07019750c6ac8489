import AtlasFormats
import Foundation

/// EXR header extraction: the native parser (what ingest and `version.inspect` run on every file)
/// over 1,000 files, beside `exrheader` on the same files, one process per file as a person or a
/// script would run it, and beside starting a process that does nothing (`true`), the floor any
/// one-process-per-file tool pays.
struct FormatsBenchmark {
    let scale: BenchScale
    let work: WorkDirectory

    func run() async throws {
        let folder = try work.folder("exr-headers")
        let log = work.file("exr-tools.log")
        BenchReport.progress("formats: writing \(scale.exrFiles) EXR files with oiiotool")
        let files = try await EXRCorpus.make(count: scale.exrFiles, in: folder, log: log)
        let list = work.file("exr-files.txt")
        try Data(files.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: list))

        // Both sides read warm files: one pass over them first.
        try parseAll(files)
        BenchReport.progress("formats: native parser over \(files.count) files")
        let native = try ContinuousClock().measure { try parseAll(files) }
        BenchReport.progress("formats: exrheader over \(files.count) files, one process each")
        let tool = try await ContinuousClock().measure { try await ChildProcess.check(["xargs", "-n", "1", "-a", list, "exrheader"], log: "/dev/null") }
        let floor = try await ContinuousClock().measure { try await ChildProcess.check(["xargs", "-n", "1", "-a", list, "true"], log: "/dev/null") }

        let nativeRate = Double(files.count) / native.seconds
        let toolRate = Double(files.count) / tool.seconds
        let floorRate = Double(files.count) / floor.seconds
        BenchReport.figure("formats.exr_header.native", BenchReport.rate(nativeRate), "files/s",
                           "\(files.count) files, FormatInspector in process")
        BenchReport.figure("formats.exr_header.exrheader", BenchReport.rate(toolRate), "files/s", "one exrheader process per file")
        BenchReport.figure("formats.exr_header.process_floor", BenchReport.rate(floorRate), "files/s",
                           String(format: "one `true` process per file: %.2f ms of each exrheader run is starting a process",
                                  1000 / floorRate))
        BenchReport.figure("formats.exr_header.speedup", String(format: "%.0f", nativeRate / toolRate), "x", "native over exrheader")
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Inspects every file; a file the parser finds fault with means the corpus is wrong, not fast.
    private func parseAll(_ files: [String]) throws {
        let inspector = FormatInspector()
        for file in files {
            let report = inspector.inspect(fileAt: URL(fileURLWithPath: file))
            guard report.format == .openEXR, !report.hasErrors else {
                throw BenchError("the native parser found fault with \(file): \(report.issues)")
            }
        }
    }
}
