import AtlasComfyUI
import AtlasCore
import AtlasTestSupport
import ComfyUIStandIn
import Foundation
import Testing
@testable import AtlasServer

/// A PNG made by oiiotool, uploaded as an asset of a new project: the image input of the tests.
struct AIToolFixture {
    let project: String
    let assetID: String
    let versionID: String

    static func make(_ t: AtlasTestApp) async throws -> AIToolFixture {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try ExternalTool.oiiotool(["--pattern", "constant:color=0.2,0.4,0.6", "32x24", "3", "-d", "uint8", "-o", folder.file("plate.png")])
        let png = try Data(contentsOf: URL(fileURLWithPath: folder.file("plate.png")))
        let project = try await t.client.createProject("AI", code: "AIT")
        let asset = try await t.client.createAsset(project: project, name: "plate", type: "texture", files: [("plate.png", png)])
        let assetID = try #require(asset["id"]?.string)
        let version = try await t.client.get("/api/v1/assets/\(assetID)/versions/1").json
        return AIToolFixture(project: project, assetID: assetID, versionID: try #require(version["id"]?.string))
    }
}

extension AIToolFixture {
    /// The version id of another oiiotool PNG, of one flat `colour`, in the fixture's project.
    func anotherImage(_ t: AtlasTestApp, name: String, colour: String) async throws -> String {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try ExternalTool.oiiotool(["--pattern", "constant:color=\(colour)", "32x24", "3", "-d", "uint8", "-o", folder.file("\(name).png")])
        let png = try Data(contentsOf: URL(fileURLWithPath: folder.file("\(name).png")))
        let asset = try await t.client.createAsset(project: project, name: name, type: "texture", files: [("\(name).png", png)])
        let version = try await t.client.get("/api/v1/assets/\(asset["id"]?.string ?? "")/versions/1").json
        return try #require(version["id"]?.string)
    }
}

extension AIToolFixture {
    /// A `plate` asset in the fixture's project whose version holds the PNG sequence
    /// `plate.####.png` over `frames`, each frame a flat grey of its own; answers its version id.
    func sequence(_ t: AtlasTestApp, frames: ClosedRange<Int>, format: String = "png") async throws -> String {
        let asset = try await t.client.createAsset(project: project, name: "plate seq", type: "plate",
                                                   files: try Self.frames(frames, format: format))
        let version = try await t.client.get("/api/v1/assets/\(asset["id"]?.string ?? "")/versions/1").json
        return try #require(version["id"]?.string)
    }

    /// Frames made by oiiotool, named `plate.####.png` (8-bit) or `.exr` (half float, with a
    /// highlight above 1.0); `changing` frames get another grey.
    static func frames(_ frames: ClosedRange<Int>, changing: Set<Int> = [], format: String = "png") throws -> [(String, Data)] {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        return try frames.map { frame in
            let name = "plate.\(frame).\(format)"
            let grey = Double(frame - frames.lowerBound + 1) / Double(frames.count + 2) + (changing.contains(frame) ? 0.05 : 0)
            let bright = format == "exr" ? grey * 4 : grey
            try ExternalTool.oiiotool(["--pattern", "constant:color=\(bright),\(grey),\(grey)", "16x12", "3",
                                       "-d", format == "exr" ? "half" : "uint8", "-o", folder.file(name)])
            return (name, try Data(contentsOf: URL(fileURLWithPath: folder.file(name))))
        }
    }
}

extension AtlasTestApp {
    /// A runner of `ai.run` only, on this app's pool, with short ComfyUI patience.
    func aiRunner() -> JobRunner {
        var job = AIRunJob(pool: app.comfyUIPool, blobs: app.atlas.blobs)
        job.retryDelay = 0.1
        job.runOptions = ComfyUIRunOptions(silenceTimeout: .seconds(2), pollInterval: .milliseconds(100), unreachableGrace: .seconds(1),
                                           outputGrace: .seconds(2), cancelConfirmation: .seconds(5), connectTimeout: .seconds(2))
        return runner([job, AISequenceFilingJob(recheckDelay: 0.1)])
    }

    /// Waits until the run has ended (or 20 s pass) and returns its status.
    func waitForEnd(_ id: String) async throws -> JSONValue {
        try await waitForRun(id) { ["succeeded", "failed", "cancelled"].contains($0["status"]?.string) }
    }

    /// Waits until the run's status holds `condition` (or 20 s pass) and returns it.
    func waitForRun(_ id: String, _ condition: (JSONValue) -> Bool) async throws -> JSONValue {
        let deadline = ContinuousClock.now + .seconds(20)
        while true {
            let status = try await client.get("/api/v1/ai-jobs/\(id)/status").json
            if condition(status) || ContinuousClock.now > deadline { return status }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}

/// Runs `body` with an app whose pool is one ComfyUI stand-in, started in process and stopped after.
func withComfyUIApp(_ database: TestDatabase, _ body: (AtlasTestApp, RunningStandIn) async throws -> Void) async throws {
    try await withStandIn { comfy in
        try await withAtlasApp(database, adjust: { $0.comfyUIURLs = [comfy.url] }) { t in try await body(t, comfy) }
    }
}

/// Runs `body` with a ComfyUI stand-in started in process and stopped after.
func withStandIn<T>(_ options: StandInOptions = StandInOptions(), _ body: (RunningStandIn) async throws -> T) async throws -> T {
    let comfy = try await ComfyUIStandIn.start(options)
    do {
        let result = try await body(comfy)
        await comfy.shutdown()
        return result
    } catch {
        await comfy.shutdown()
        throw error
    }
}
