import AtlasCore
import NIOConcurrencyHelpers

/// The job kinds this process can run, one handler each. Registering is one line:
/// `app.atlas.jobHandlers.register(MyHandler())`.
final class JobHandlers: Sendable {
    private let handlers = NIOLockedValueBox<[String: any JobHandler]>([:])

    init(_ initial: [any JobHandler] = []) {
        for handler in initial { register(handler) }
    }

    func register(_ handler: any JobHandler) {
        handlers.withLockedValue { $0[handler.kind] = handler }
    }

    func handler(for kind: String) -> (any JobHandler)? {
        handlers.withLockedValue { $0[kind] }
    }

    var kinds: [String] {
        handlers.withLockedValue { $0.keys.sorted() }
    }
}
