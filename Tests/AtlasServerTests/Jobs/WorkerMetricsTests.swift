import AsyncHTTPClient
import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
@testable import AtlasServer

@Suite("An atlas worker process's own metrics")
struct WorkerMetricsTests {
    @Test("`atlas worker --metrics-port` answers GET /metrics with the wait and run times of the jobs it ran",
          .timeLimit(.minutes(2)), arguments: TestDatabase.available)
    func workerExposesMetrics(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let jobs = [try await t.enqueue("noop"), try await t.enqueue("noop")]
            let port = try await freeLoopbackPort()
            var arguments = ["worker", "--concurrency", "1", "--metrics-port", String(port), "--data-dir", t.configuration.dataDirectory]
            if case .postgres(let url) = t.configuration.database { arguments += ["--database-url", url] }
            let worker = try AtlasProcess.start(arguments)
            defer { worker.kill() }
            for job in jobs { #expect(try await t.waitFor(job.id, timeout: .seconds(60)) { $0.status == .succeeded }.status == .succeeded) }

            let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/metrics"), timeout: .seconds(10))
            let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
            #expect(response.status == .ok)
            #expect(response.headers.first(name: "Content-Type")?.hasPrefix("text/plain") == true)
            #expect(text.contains(#"atlas_job_run_seconds_count{kind="noop""#), "\(text.prefix(2000))")
            #expect(text.contains("atlas_job_wait_seconds_bucket"))
            let api = try await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/projects"), timeout: .seconds(10))
            #expect(api.status == .notFound, "the metrics listener serves nothing else")
            await worker.terminate()
        }
    }
}
