import AtlasComfyUI
import ComfyUIStandIn
import Foundation
import Testing

@Suite("The ComfyUI client's calls", .timeLimit(.minutes(1)))
struct ClientTests {
    @Test("server facts, node classes and the queue")
    func serverCalls() async throws {
        try await StandIn.with { comfy async throws in
            let client = StandIn.client(comfy)
            #expect(try await client.systemStats().comfyUIVersion == "0.12.1")
            #expect(try await client.objectInfo(classType: "ImageInvert")?.outputTypes == ["IMAGE"])
            #expect(try await client.objectInfo(classType: "AtlasNoSuchNode") == nil)
            #expect(try await client.objectInfo()["SaveImage"]?.isOutputNode == true)
            #expect(try await client.queueRemaining() == 0)
            #expect(try await client.queue() == ComfyUIQueue(running: [], pending: []))
            #expect(try await client.job(UUID().uuidString) == nil)
            #expect(try await client.history(UUID().uuidString) == nil)
        }
    }

    @Test("uploads keep the name ComfyUI gives: a clash with other bytes is renamed")
    func uploadNames() async throws {
        try await StandIn.with { comfy in
            let client = StandIn.client(comfy)
            let plate = try Recording.data("01-upload/atlas_plate.png")
            let first = try await client.uploadImage(plate, name: "a+b.png", subfolder: "atlas/job")
            #expect(first == ComfyUIFileReference(filename: "a+b.png", subfolder: "atlas/job", type: "input"))
            let other = try await client.uploadImage(Data("not really".utf8), name: "a+b.png", subfolder: "atlas/job")
            #expect(other.filename == "a+b (1).png")
            #expect(try await client.view(first).readableBytes == plate.count)
        }
    }

    @Test("a server that refuses connections is unreachable")
    func unreachable() async throws {
        let comfy = try await ComfyUIStandIn.start()
        let url = comfy.url
        await comfy.shutdown()
        let client = ComfyUIClient(baseURL: url, httpClient: StandIn.http, requestTimeout: .seconds(2))
        let error = await #expect(throws: ComfyUIError.self) { try await client.queueRemaining() }
        #expect(error?.code == "comfyui_unreachable" && error?.isServerFailure == true)
    }

    @Test("credentials go with every request as one header")
    func credentials() {
        #expect(ComfyUICredentials.basic(user: "atlas", password: "s3cret").header == ("Authorization", "Basic YXRsYXM6czNjcmV0"))
        #expect(ComfyUICredentials.header(name: "X-Api-Key", value: "k").header == ("X-Api-Key", "k"))
    }
}
