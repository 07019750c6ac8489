import AtlasFormats

extension AtlasConfiguration {
    /// The external tools version inspection runs (`ATLAS_PYTHON`, `ATLAS_TOOL_TIMEOUT_SECONDS`).
    public var inspectionTools: ToolSettings {
        ToolSettings(python: python, timeout: Double(toolTimeoutSeconds))
    }
}
