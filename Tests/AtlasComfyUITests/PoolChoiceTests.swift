@testable import AtlasComfyUI
import Foundation
import Testing

@Suite("Choosing a server")
struct PoolChoiceTests {
    private let a = URL(string: "http://gpu-a:8188")!
    private let b = URL(string: "http://gpu-b:8188")!
    private let c = URL(string: "http://gpu-c:8188")!

    @Test("the least loaded server that is up and under its limit takes the run")
    func leastLoaded() {
        let servers = [
            ComfyUIServerStatus(url: a, health: .up, queueRemaining: 3, inFlight: 0, concurrencyLimit: 2),
            ComfyUIServerStatus(url: b, health: .up, queueRemaining: 0, inFlight: 1, concurrencyLimit: 2),
            ComfyUIServerStatus(url: c, health: .down(reason: "refused"), queueRemaining: 0, concurrencyLimit: 2),
        ]
        #expect(ComfyUIServerChoice.best(among: servers, workflow: nil) == b)
    }

    @Test("Atlas's own runs count, and a full server is passed over")
    func inFlight() {
        let servers = [
            ComfyUIServerStatus(url: a, health: .up, queueRemaining: 0, inFlight: 1, concurrencyLimit: 1),
            ComfyUIServerStatus(url: b, health: .up, queueRemaining: 4, inFlight: 0, concurrencyLimit: 1),
        ]
        #expect(ComfyUIServerChoice.best(among: servers, workflow: nil) == b)
    }

    @Test("on equal load the server that ran the same workflow last wins, then the first configured")
    func warmCache() {
        let servers = [
            ComfyUIServerStatus(url: a, health: .up, queueRemaining: 1, concurrencyLimit: 2, lastWorkflow: "blur@1"),
            ComfyUIServerStatus(url: b, health: .up, queueRemaining: 1, concurrencyLimit: 2, lastWorkflow: "invert@1"),
        ]
        #expect(ComfyUIServerChoice.best(among: servers, workflow: "invert@1") == b)
        #expect(ComfyUIServerChoice.best(among: servers, workflow: "sharpen@1") == a)
    }

    @Test("servers not checked yet or down take nothing")
    func nothingUp() {
        let servers = [ComfyUIServerStatus(url: a, concurrencyLimit: 1), ComfyUIServerStatus(url: b, health: .down(reason: "x"), concurrencyLimit: 1)]
        #expect(ComfyUIServerChoice.best(among: servers, workflow: nil) == nil)
    }
}
