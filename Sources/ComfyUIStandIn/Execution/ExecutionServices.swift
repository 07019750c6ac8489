/// What the executor works with: the node classes, the cache, the interrupt flag, the frames
/// out, the socket table (who is connected, with which feature flags), faults and receipts.
struct ExecutionServices: Sendable {
    var catalog: NodeCatalog
    var environment: NodeEnvironment
    var cache: OutputCache
    var interrupt: InterruptFlag
    var publisher: FramePublisher
    var hub: SocketHub
    var faults: FaultBoard
    var receipts: ReceiptLog
}
