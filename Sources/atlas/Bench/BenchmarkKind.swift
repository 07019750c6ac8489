import ArgumentParser

/// The benchmarks `atlas bench` can run, as named on its command line.
enum BenchmarkKind: String, CaseIterable, ExpressibleByArgument, Sendable {
    case all, ingest, search, list, create, memory, auth, jobs, events, formats, sequence, ai

    /// The benchmarks this name stands for (`all` is every other one).
    var selected: Set<BenchmarkKind> {
        self == .all ? Set(Self.allCases).subtracting([.all]) : [self]
    }
}
