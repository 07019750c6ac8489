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

    @Test("a hanging tool is killed at its timeout, even when it ignores SIGTERM")
    func hanging() async {
        let started = Date()
        await #expect(throws: ToolFailure.timedOut("sh", seconds: 0.5)) {
            try await ToolRunner.run(ToolCommand("sh", ["-c", "trap '' TERM; sleep 30 & wait; sleep 30"], timeout: 0.5))
        }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test("output beyond the cap is read and dropped, so a chatty tool never blocks")
    func boundedOutput() async throws {
        let output = try await ToolRunner.run(ToolCommand("sh", ["-c", "head -c 1000000 /dev/zero"], maxOutputBytes: 1000))
        #expect(output.standardOutput.count == 1000)
    }
}
