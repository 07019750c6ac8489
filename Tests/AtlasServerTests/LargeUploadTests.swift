import AsyncHTTPClient
import AtlasCore
import AtlasTestSupport
import Foundation
import NIOCore
import Testing

@Suite("Large uploads")
struct LargeUploadTests {
    /// Resident memory of a process in MiB, from /proc (Linux).
    private static func residentMiB(_ pid: Int32) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kB = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kB / 1024
    }

    @Test("a 512 MB upload streams to disk: the server's memory does not grow with it",
          .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status"), "reads resident memory from /proc"))
    func memoryStaysFlat() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let server = try await AtlasProcess.serve(dataDirectory: folder.path)
        defer { server.kill() }
        let before = try #require(Self.residentMiB(server.pid))

        let content = StreamedContent(size: 512 << 20)
        var request = server.request("/api/v1/blobs")
        request.method = .POST
        request.body = .stream(content, length: .known(content.size))
        let pid = server.pid
        let sampler = Task {
            var peak = before
            while !Task.isCancelled {
                if let now = Self.residentMiB(pid) { peak = max(peak, now) }
                try? await Task.sleep(for: .milliseconds(50))
            }
            return peak
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(300))
        let body = try await response.body.collect(upTo: 1 << 16)
        let json = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: body))
        sampler.cancel()
        let peak = await sampler.value
        #expect(response.status == .created)
        #expect(json["sha256"]?.string == content.sha256)
        #expect(json["size"]?.int == 512 << 20)
        #expect(peak - before < 128, "resident memory grew by \(Int(peak - before)) MiB during a 512 MiB upload")
    }
}
