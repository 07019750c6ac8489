/// How patiently a run is followed. The defaults suit a GPU server on a LAN; tests shorten them.
public struct ComfyUIRunOptions: Sendable {
    /// Without a frame about the prompt for this long, ask `/api/jobs/{id}` where it is. Silence
    /// alone never fails a run: a node without a progress bar may run for minutes.
    public var silenceTimeout: Duration
    /// How often to ask `/api/jobs/{id}` once the WebSocket is gone.
    public var pollInterval: Duration
    /// How long the server may not answer at all before the run counts as lost.
    public var unreachableGrace: Duration
    /// After success, how long to wait for expected outputs to show in `/api/jobs/{id}` when the
    /// WebSocket did not list them.
    public var outputGrace: Duration
    /// Give up on a run that has not finished after this long; `nil` waits as long as the server is there.
    public var runTimeout: Duration?
    /// How long a cancel waits to confirm that the prompt stopped.
    public var cancelConfirmation: Duration
    /// How long opening the WebSocket may take.
    public var connectTimeout: Duration

    public init(silenceTimeout: Duration = .seconds(30), pollInterval: Duration = .seconds(1),
                unreachableGrace: Duration = .seconds(30), outputGrace: Duration = .seconds(10), runTimeout: Duration? = nil,
                cancelConfirmation: Duration = .seconds(30), connectTimeout: Duration = .seconds(10)) {
        self.silenceTimeout = silenceTimeout
        self.pollInterval = pollInterval
        self.unreachableGrace = unreachableGrace
        self.outputGrace = outputGrace
        self.runTimeout = runTimeout
        self.cancelConfirmation = cancelConfirmation
        self.connectTimeout = connectTimeout
    }
}
