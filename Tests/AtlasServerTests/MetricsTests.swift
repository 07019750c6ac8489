@testable import AtlasServer
import AtlasCore
import AtlasTestSupport
import Foundation
import SQLKit
import Testing
import Vapor

@Suite("Prometheus metrics at /metrics")
struct MetricsTests {
    @Test("an administrator reads Prometheus text whose every line parses", arguments: TestDatabase.available)
    func exposition(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            _ = try await t.client.get("/healthz")
            let response = try await t.client.get("/metrics")
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType) == "text/plain; version=0.0.4; charset=utf-8")
            let scrape = try Scrape(response.text)
            #expect(scrape.types["atlas_http_request_duration_seconds"] == "histogram")
            #expect(scrape.types["atlas_websocket_connections"] == "gauge")
            #expect(scrape.value("atlas_websocket_connections") == 0)
            #expect(scrape.value("atlas_http_request_duration_seconds_count", ["route": "/healthz", "method": "GET", "status": "2xx"]) == 1)
            for sample in scrape.samples {
                #expect(scrape.types[sample.family] != nil, "\(sample.name) has no # TYPE line")
            }
        }
    }

    @Test("request latency is labelled by the route's pattern, never by the URL asked for", arguments: TestDatabase.available)
    func latencyByRoute(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            let asset = try #require(try await t.client.createAsset(project: project, name: "Rock")["id"]?.string)
            let stranger = UUID().uuidString.lowercased()
            for _ in 0..<3 { #expect(try await t.client.get("/api/v1/assets/\(asset)").status == .ok) }
            #expect(try await t.client.get("/api/v1/assets/\(stranger)").status == .notFound)
            #expect(try await t.client.get("/api/v1/assets/\(asset)/versions/1").status == .ok)
            #expect(try await t.client.get("/no/such/route/\(stranger)").status == .notFound)
            #expect(try await t.client.send(.init(rawValue: "BREW"), "/api/v1/assets/\(asset)").status.code >= 400)

            let scrape = try Scrape(try await t.client.get("/metrics").text)
            let count = "atlas_http_request_duration_seconds_count"
            #expect(scrape.value(count, ["route": "/api/v1/assets/{asset_id}", "method": "GET", "status": "2xx"]) == 3)
            #expect(scrape.value(count, ["route": "/api/v1/assets/{asset_id}", "method": "GET", "status": "4xx"]) == 1)
            #expect(scrape.value(count, ["route": "/api/v1/assets/{asset_id}/versions/{number}", "method": "GET", "status": "2xx"]) == 1)
            #expect(scrape.value(count, ["route": "/api/v1/projects", "method": "POST", "status": "2xx"]) == 1)
            #expect(scrape.value(count, ["route": "unmatched", "method": "GET", "status": "4xx"]) == 1)
            #expect(scrape.samples.contains { $0.labels["method"] == "OTHER" })
            #expect(!scrape.samples.contains { $0.labels["method"] == "BREW" })
            let buckets = scrape.samples.filter {
                $0.name == "atlas_http_request_duration_seconds_bucket" && $0.labels["route"] == "/api/v1/assets/{asset_id}"
                    && $0.labels["status"] == "2xx"
            }
            #expect(buckets.first { $0.labels["le"] == "+Inf" }?.value == 3)

            for sample in scrape.samples {
                for (name, value) in sample.labels {
                    #expect(!value.contains(asset) && !value.contains(project) && !value.contains(stranger),
                            "\(sample.name) label \(name)=\"\(value)\" names an id")
                    #expect(value.range(of: "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-", options: .regularExpression) == nil,
                            "\(sample.name) label \(name)=\"\(value)\" holds a UUID")
                }
            }
        }
    }

    @Test("only administrators read the metrics", arguments: TestDatabase.available)
    func administratorsOnly(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let anonymous = try await t.anonymousClient.get("/metrics")
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.problemCode == "authentication_required")
            #expect(anonymous.headers.first(name: .wwwAuthenticate) != nil)
            for role in [Role.producer, .artist, .client] {
                let account = try await t.makeAccount("metrics-\(role.rawValue)", role: role)
                let refused = try await account.client.get("/metrics")
                #expect(refused.status == .forbidden, "\(role)")
                #expect(refused.problemCode == "permission_denied", "\(role)")
            }
            #expect(try await t.client.get("/metrics").status == .ok)
        }
    }

    @Test("what the job runner and the WebSocket endpoint report appears as series by kind, tool and outcome")
    func jobAndConnectionSeries() async throws {
        try await withAtlasApp(.sqlite) { t in
            let jobs = t.app.atlas.metrics.jobs
            jobs.recordWait(kind: "preview.make", seconds: 2)
            jobs.recordWait(kind: "preview.make", seconds: 4)
            jobs.recordWait(kind: "preview.make", seconds: -1)  // clocks disagreeing: counted as no wait
            jobs.recordWait(kind: "preview.make", seconds: .nan)  // dropped
            jobs.recordRun(kind: "preview.make", seconds: 0.5, outcome: .succeeded)
            jobs.recordRun(kind: "generate", tool: "comfyui", seconds: 30, outcome: .failed)
            jobs.recordRun(kind: "generate", tool: "comfyui", seconds: 1, outcome: .cancelled)
            jobs.recordFailure(kind: "generate", tool: "comfyui")
            jobs.recordFailure(kind: "generate", tool: "comfyui")
            let sockets = t.app.atlas.metrics.webSockets
            sockets.connectionOpened()
            sockets.connectionOpened()
            sockets.connectionClosed()

            var scrape = try Scrape(try await t.client.get("/metrics").text)
            #expect(scrape.types["atlas_job_wait_seconds"] == "histogram")
            #expect(scrape.types["atlas_job_run_seconds"] == "histogram")
            #expect(scrape.types["atlas_job_failures_total"] == "counter")
            #expect(scrape.value("atlas_job_wait_seconds_count", ["kind": "preview.make", "tool": ""]) == 3)
            #expect(scrape.value("atlas_job_wait_seconds_sum", ["kind": "preview.make", "tool": ""]) == 6)
            #expect(scrape.value("atlas_job_run_seconds_count", ["kind": "preview.make", "tool": "", "outcome": "succeeded"]) == 1)
            #expect(scrape.value("atlas_job_run_seconds_count", ["kind": "generate", "tool": "comfyui", "outcome": "failed"]) == 1)
            #expect(scrape.value("atlas_job_run_seconds_sum", ["kind": "generate", "tool": "comfyui", "outcome": "failed"]) == 30)
            #expect(scrape.value("atlas_job_run_seconds_count", ["kind": "generate", "tool": "comfyui", "outcome": "cancelled"]) == 1)
            #expect(scrape.value("atlas_job_failures_total", ["kind": "generate", "tool": "comfyui"]) == 2)
            #expect(scrape.value("atlas_websocket_connections") == 1)

            for _ in 0..<3 { sockets.connectionClosed() }  // more closes than opens never go below zero
            scrape = try Scrape(try await t.client.get("/metrics").text)
            #expect(scrape.value("atlas_websocket_connections") == 0)
        }
    }

    @Test("code speaking swift-metrics records into the application's own registry")
    func swiftMetricsFactory() async throws {
        try await withAtlasApp(.sqlite) { first in
            try await withAtlasApp(.sqlite) { second in
                first.app.atlas.metrics.factory.makeCounter(label: "atlas_test_events_total", dimensions: [("source", "test")]).increment(by: 3)
                let mine = try Scrape(try await first.client.get("/metrics").text)
                #expect(mine.value("atlas_test_events_total", ["source": "test"]) == 3)
                let theirs = try Scrape(try await second.client.get("/metrics").text)
                #expect(!theirs.samples.contains { $0.name == "atlas_test_events_total" })
            }
        }
    }

    @Test("jobs by kind and status are counted from the job queue at scrape time", arguments: TestDatabase.available)
    func queueDepth(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            for _ in 0..<2 { try await t.enqueue("preview.make") }
            let convert = try await t.enqueue("convert")
            let database = t.app.atlasDatabase
            _ = try await database.write { sql in
                try await JobRepository.claim(kinds: ["preview.make"], worker: "metrics-test", lease: 60, now: Date(), on: sql)
            }
            _ = try await database.write { sql in try await JobRepository.cancel(convert.id, change: .cli("test", at: Date()), on: sql) }
            var scrape = try Scrape(try await t.client.get("/metrics").text)
            #expect(scrape.types["atlas_jobs"] == "gauge")
            #expect(scrape.value("atlas_jobs", ["kind": "preview.make", "status": "queued"]) == 1)
            #expect(scrape.value("atlas_jobs", ["kind": "preview.make", "status": "running"]) == 1)
            #expect(scrape.value("atlas_jobs", ["kind": "convert", "status": "cancelled"]) == 1)

            let waiting = try await JobRepository.list(JobQuery(paging: Paging(limit: 10)), visible: nil, on: database.sql)
                .items.first { $0.status == .queued && $0.kind == "preview.make" }
            let other = try #require(waiting?.id)
            _ = try await database.write { sql in try await JobRepository.cancel(other, change: .cli("test", at: Date()), on: sql) }
            scrape = try Scrape(try await t.client.get("/metrics").text)
            #expect(scrape.value("atlas_jobs", ["kind": "preview.make", "status": "queued"]) == 0, "a pair seen once stays, at 0")
            #expect(scrape.value("atlas_jobs", ["kind": "preview.make", "status": "cancelled"]) == 1)
        }
    }
}

/// A Prometheus text exposition (format 0.0.4), parsed strictly enough that a malformed line fails the test.
private struct Scrape {
    struct Sample {
        var name: String
        var labels: [String: String]
        var value: Double
        /// The family a sample belongs to: a histogram's `_bucket`, `_sum` and `_count` belong to its name.
        var family: String {
            for suffix in ["_bucket", "_sum", "_count"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
            return name
        }
    }

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    var samples: [Sample] = []
    /// `# TYPE` lines: family name → counter, gauge, histogram, …
    var types: [String: String] = [:]

    init(_ text: String) throws {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") {
                let parts = line.split(separator: " ", maxSplits: 3).map(String.init)
                guard parts.count >= 3, ["HELP", "TYPE"].contains(parts[1]), Self.isName(parts[2]) else {
                    throw Malformed(description: "bad comment line: \(line)")
                }
                if parts[1] == "TYPE" {
                    guard parts.count == 4, ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[3]) else {
                        throw Malformed(description: "bad TYPE line: \(line)")
                    }
                    types[parts[2]] = parts[3]
                }
                continue
            }
            samples.append(try Self.sample(String(line)))
        }
    }

    /// The value of the one sample named `name` with exactly these labels, or nil.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        let matching = samples.filter { $0.name == name && $0.labels == labels }
        return matching.count == 1 ? matching[0].value : nil
    }

    private static func isName(_ text: String) -> Bool {
        text.range(of: "^[a-zA-Z_:][a-zA-Z0-9_:]*$", options: .regularExpression) != nil
    }

    /// `name{label="value",…} value` or `name value`.
    private static func sample(_ line: String) throws -> Sample {
        var rest = Substring(line)
        let name = String(rest.prefix { $0 != "{" && $0 != " " })
        guard isName(name) else { throw Malformed(description: "bad metric name: \(line)") }
        rest = rest.dropFirst(name.count)
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                let label = String(rest.prefix { $0 != "=" })
                guard isName(label), rest.dropFirst(label.count).hasPrefix("=\"") else { throw Malformed(description: "bad label: \(line)") }
                rest = rest.dropFirst(label.count + 2)
                var value = ""
                while let character = rest.first, character != "\"" {
                    rest = rest.dropFirst()
                    if character == "\\" {
                        guard let escaped = rest.first else { throw Malformed(description: "bad escape: \(line)") }
                        rest = rest.dropFirst()
                        switch escaped {
                        case "n": value.append("\n")
                        case "\\", "\"": value.append(escaped)
                        default: throw Malformed(description: "bad escape: \(line)")
                        }
                    } else {
                        value.append(character)
                    }
                }
                guard rest.first == "\"" else { throw Malformed(description: "unterminated label value: \(line)") }
                rest = rest.dropFirst()
                labels[label] = value
                if rest.first == "," { rest = rest.dropFirst() } else if rest.first != "}" {
                    throw Malformed(description: "bad label list: \(line)")
                }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { throw Malformed(description: "no value: \(line)") }
        let number = rest.dropFirst().split(separator: " ").first.map(String.init) ?? ""
        let value: Double? = switch number {
        case "+Inf": .infinity
        case "-Inf": -.infinity
        case "NaN": .nan
        default: Double(number)
        }
        guard let value else { throw Malformed(description: "bad value: \(line)") }
        return Sample(name: name, labels: labels, value: value)
    }
}
