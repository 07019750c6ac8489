/// The usd-core run that rewrites a USD layer as text (`.usda`) or crate (`.usdc`):
/// `Sdf.Layer.Export` picks the encoding from the output's extension. The layer itself is
/// converted, not the stage: references stay references.
public struct USDConversionCommand: Sendable {
    public var input: String
    public var output: String

    public init(input: String, output: String) {
        self.input = input
        self.output = output
    }

    public var arguments: [String] { ["-c", Self.script, input, output] }

    public func command(python: String, timeout: Double) -> ToolCommand {
        ToolCommand(python, arguments, timeout: timeout)
    }

    static let script = """
        import sys
        from pxr import Sdf
        source, target = sys.argv[1:3]
        layer = Sdf.Layer.FindOrOpen(source)
        if layer is None:
            sys.exit("error: usd-core could not open the layer")
        if not layer.Export(target):
            sys.exit("error: usd-core could not write the layer")
        """
}
