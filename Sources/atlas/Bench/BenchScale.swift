/// How much data the benchmarks make and how many requests they send.
///
/// The full sizes are the ones the figures are defined at; `--quick` divides them by about 20
/// for a smoke run, keeping the concurrency so the same code paths are exercised.
struct BenchScale: Sendable {
    /// Total bytes uploaded by the ingest benchmark.
    var ingestBytes: Int64
    /// Each ingest file is a whole number of MiB in this range.
    var ingestFileMiB: ClosedRange<Int>
    /// Assets seeded for create, search and list.
    var assets: Int
    /// Seeded assets are spread over this many projects; the first one gets 1 in `projects`
    /// of them and is the one listed.
    var projects: Int
    /// Concurrent connections for the loaded runs.
    var concurrency: Int
    /// Sequential `GET /api/v1/assets/{id}` requests.
    var gets: Int
    /// Searches per run (once sequential, once concurrent).
    var searches: Int
    /// EXR files whose headers the formats benchmark reads.
    var exrFiles: Int = 1_000
    /// Frames of the 2K sequence the sequence benchmark ingests.
    var sequenceFrames: Int = 200

    static let full = BenchScale(ingestBytes: 2_048 * BenchScale.mebibyte, ingestFileMiB: 1...200, assets: 100_000,
                                 projects: 8, concurrency: 32, gets: 2_000, searches: 2_000)
    static let quick = BenchScale(ingestBytes: 100 * BenchScale.mebibyte, ingestFileMiB: 1...10, assets: 5_000,
                                  projects: 8, concurrency: 32, gets: 200, searches: 200, exrFiles: 50, sequenceFrames: 10)

    /// Sizes are reported in MiB and written "MB", as storage tools on Linux do.
    static let mebibyte: Int64 = 1_048_576
}
