import Foundation

/// How to start a stand-in.
public struct StandInOptions: Sendable {
    /// The address to listen on; loopback, as ComfyUI is run behind Atlas.
    public var host: String
    /// 0 lets the system pick a free port (read it from `RunningStandIn.url`).
    public var port: Int
    /// The folder holding `input/`, `output/` and `temp/`; nil makes a temporary one that
    /// `shutdown()` removes.
    public var root: URL?
    /// ComfyUI's `--max-upload-size`, which caps every request body (413 above it).
    public var maxUploadSize: Int
    /// Faults in force from the start; change them later with `RunningStandIn.updateFaults`.
    public var faults: StandInFaults
    /// Reproduces the recorded trap: closing an older socket whose `clientId` a newer socket
    /// took over removes the newer one from the table, which then receives nothing.
    public var socketReplacementTrap: Bool
    /// The oiiotool the image nodes run.
    public var oiiotool: String

    public init(host: String = "127.0.0.1", port: Int = 0, root: URL? = nil, maxUploadSize: Int = 104_857_600,
                faults: StandInFaults = StandInFaults(), socketReplacementTrap: Bool = true, oiiotool: String = "oiiotool") {
        self.host = host
        self.port = port
        self.root = root
        self.maxUploadSize = maxUploadSize
        self.faults = faults
        self.socketReplacementTrap = socketReplacementTrap
        self.oiiotool = oiiotool
    }
}
