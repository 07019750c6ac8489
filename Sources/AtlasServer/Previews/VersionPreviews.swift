import AtlasFormats

/// Where the making of a version's previews stands, as the version JSON shows it under `previews`.
struct VersionPreviews: Encodable, Sendable {
    enum State: String, Codable, Sendable {
        /// Queued or being made (also: made before previews were generated, until regenerated).
        case pending
        /// Made; `kinds` says which.
        case ready
        /// No tool here can make one for this content; `reason` says why (a model without Blender).
        case unavailable
        /// A tool tried and failed (a truncated file, a tool that hung); `reason` has its words.
        case failed
    }

    var state: State
    var kinds: [PreviewKind]
    @Nullable var reason: String?
    /// Changes each time the previews are made again: put in a preview's URL (`?r=`), it keeps a
    /// browser from showing an older image it cached, since preview images are cached as immutable.
    @Nullable var revision: String?

    static let pending = VersionPreviews(state: .pending, kinds: [], reason: nil)

    /// What a job's outcome means for the version; `kinds` are the images stored.
    init(_ outcome: PreviewOutcome) {
        switch outcome {
        case .made(let images, let note):
            let kinds = Set(images.map(\.kind))
            self.init(state: .ready, kinds: PreviewKind.allCases.filter(kinds.contains), reason: note)
        case .unavailable(let reason): self.init(state: .unavailable, kinds: [], reason: reason)
        case .failed(let reason): self.init(state: .failed, kinds: [], reason: reason)
        }
    }

    init(state: State, kinds: [PreviewKind], reason: String?, revision: String? = nil) {
        self.state = state
        self.kinds = kinds
        self.reason = reason
        self.revision = revision
    }
}
