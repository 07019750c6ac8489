import ArgumentParser
import AtlasServer

struct Worker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run job workers against the server's database, without HTTP, until SIGINT or SIGTERM.")

    @OptionGroup var options: ServerOptions

    @Option(help: "Jobs run at once (default: ATLAS_WORKERS, or 2 when that is 0).")
    var concurrency: Int?

    func run() async throws {
        let configuration = try options.load()
        let loops = concurrency ?? (configuration.workers > 0 ? configuration.workers : 2)
        guard loops > 0 else { throw ValidationError("--concurrency must be at least 1") }
        try await AtlasRuntime.work(configuration, concurrency: loops)
    }
}
