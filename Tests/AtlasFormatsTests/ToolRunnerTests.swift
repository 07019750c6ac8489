import Foundation
import Testing
@testable import AtlasFormats

@Suite("Running external tools")
struct ToolRunnerTests {
    @Test("a tool's output comes back when it exits 0")
    func output() async throws {
        let output = try await ToolRunner.run(ToolCommand("sh", ["-c", "printf hello; printf oops >&2"]))
        #expect(output.text == "hello")
        #expect(output.standardError == "oops")
    }

    @Test("a tool runs in an empty folder of its own with a clean environment")
    func fenced() async throws {
        setenv("ATLAS_TOOL_RUNNER_SECRET", "leak", 1)
        let output = try await ToolRunner.run(ToolCommand("sh", ["-c", "ls -A; echo \"[$ATLAS_TOOL_RUNNER_SECRET]\"; pwd"]))
        let lines = output.text.split(separator: "\n").map(String.init)
        #expect(lines.first == "[]")
        #expect(lines.last?.contains("atlas-tool-") == true)
    }

    @Test("a missing tool is reported as not installed")
    func missing() async {
        await #expect(throws: ToolFailure.notInstalled("atlas-no-such-tool")) {
            try await ToolRunner.run(ToolCommand("atlas-no-such-tool", []))
        }
    }

    @Test("a failing tool reports its status and last line of standard error")
    func failing() async {
        await #expect(throws: ToolFailure.failed("sh", status: 3, message: "second")) {
            try await ToolRunner.run(ToolCommand("sh", ["-c", "echo first >&2; echo second >&2; exit 3"]))
        }
    }

    @Test("a hanging tool is killed at its timeout with what it started, even when it ignores SIGTERM")
    func hanging() async throws {
        // The tool writes the id of the process it starts, so the test can see that the kill
        // reached it too (a timing assertion would measure the test machine's load instead).
        let record = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-hang-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: record) }
        await #expect(throws: ToolFailure.timedOut("sh", seconds: 0.5)) {
            try await ToolRunner.run(ToolCommand("sh", ["-c", "trap '' TERM; sleep 300 & echo $! > \"$RECORD\"; wait; sleep 300"],
                                                 timeout: 0.5, environment: ["RECORD": record.path]))
        }
        let text = try String(contentsOf: record, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let grandchild = try #require(Int32(text))
        #expect(Self.isGone(grandchild))
    }

    /// Gone, or a zombie waiting for its new parent to reap it: either way it runs no more.
    private static func isGone(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return true }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return stat.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).hasPrefix("Z") ?? false
    }

    @Test("output beyond the cap is read and dropped, so a chatty tool never blocks")
    func boundedOutput() async throws {
        let output = try await ToolRunner.run(ToolCommand("sh", ["-c", "head -c 1000000 /dev/zero"], maxOutputBytes: 1000))
        #expect(output.standardOutput.count == 1000)
    }
}
