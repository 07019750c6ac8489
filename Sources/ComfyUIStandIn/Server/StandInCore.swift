import Foundation

/// The stand-in's state that outlives a listening session: queue, history, executor, sockets.
struct StandInCore: Sendable {
    let context: StandInContext
    let worker: PromptWorker
    let delivery: Task<Void, Never>

    init(options: StandInOptions, folders: StandInFolders) {
        let publisher = FramePublisher()
        let queue = PromptQueue(publisher: publisher)
        let hub = SocketHub(replacementTrap: options.socketReplacementTrap,
                            serverFeatures: ServerFacts.features(maxUploadSize: options.maxUploadSize))
        let services = ExecutionServices(
            catalog: .standard, environment: NodeEnvironment(folders: folders, renderer: ImageRenderer(executable: options.oiiotool)),
            cache: OutputCache(), interrupt: InterruptFlag(), publisher: publisher, hub: hub, faults: FaultBoard(options.faults),
            receipts: ReceiptLog())
        context = StandInContext(queue: queue, hub: hub, services: services,
                                 settings: ServerSettings(host: options.host, port: options.port, maxUploadSize: options.maxUploadSize))
        worker = PromptWorker(queue: queue, services: services)
        delivery = Task { await hub.deliver(publisher.frames) }
    }

    /// What a restarted ComfyUI has lost: the running prompt, queue, history and cache.
    func forgetEverything() async throws {
        await worker.stop()
        await context.queue.reset()
        await context.services.cache.reset()
        context.services.interrupt.clear()
        await context.hub.beginPrompt(clientID: nil)
        try context.folders.prepare()
        await worker.start()
    }

    func stop() async {
        await worker.stop()
        await context.hub.closeAll()
        context.services.publisher.finish()
        await delivery.value
    }
}
