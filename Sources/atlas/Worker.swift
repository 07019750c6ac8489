import ArgumentParser
import AtlasServer

struct Worker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run job workers against the server's database, without HTTP, until SIGINT or SIGTERM.")

    @OptionGroup var options: ServerOptions

    @Option(help: "Jobs run at once (default: ATLAS_WORKERS, or 2 when that is 0).")
    var concurrency: Int?

    @Option(name: .customLong("metrics-port"), help: "Also answer GET /metrics (Prometheus) on this port.")
    var metricsPort: Int?

    @Option(name: .customLong("metrics-host"), help: "Address the metrics listener binds (default 127.0.0.1).")
    var metricsHost = "127.0.0.1"

    func run() async throws {
        let configuration = try options.load()
        let loops = concurrency ?? (configuration.workers > 0 ? configuration.workers : 2)
        guard loops > 0 else { throw ValidationError("--concurrency must be at least 1") }
        if let metricsPort, !(1...65535).contains(metricsPort) { throw ValidationError("--metrics-port must be 1–65535") }
        try await AtlasRuntime.work(configuration, concurrency: loops, metricsHost: metricsHost, metricsPort: metricsPort)
    }
}
