/// Why a benchmark could not produce its figures.
struct BenchError: Error, CustomStringConvertible, Sendable {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
