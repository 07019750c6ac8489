/// The answer of `ComfyUIPool.tryLease`: a slot, or why there is none now.
public enum ComfyUILeaseAttempt: Sendable, Equatable {
    case leased(ComfyUILease)
    case waiting(ComfyUIPoolWait)

    /// The lease, if one was taken.
    public var lease: ComfyUILease? {
        if case .leased(let lease) = self { return lease }
        return nil
    }
}
