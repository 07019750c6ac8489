/// The faults in force, read synchronously by the executor at each node and changed by tests
/// at any time.
final class FaultBoard: Sendable {
    private let faults: LockedValue<StandInFaults>

    init(_ faults: StandInFaults) { self.faults = LockedValue(faults) }

    var current: StandInFaults { faults.get() }

    func update(_ change: (inout StandInFaults) -> Void) { faults.update(change) }
}
