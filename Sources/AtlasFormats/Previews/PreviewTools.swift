/// The programs previews are made with, and how long each may run before it is stopped.
public struct PreviewTools: Sendable {
    public var oiiotool = "oiiotool"
    public var blender = "blender"
    /// Seconds for one image (a thumbnail and proxy from one decode).
    public var imageTimeout: Double = 120
    /// Seconds for a contact sheet (up to 16 frames decoded).
    public var sheetTimeout: Double = 300
    /// Seconds for Blender to start, import and render.
    public var renderTimeout: Double = 300

    public init() {}
}
