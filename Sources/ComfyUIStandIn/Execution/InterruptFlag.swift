import Foundation

/// ComfyUI's global "interrupt processing" flag: set by `POST /interrupt`, cleared when a prompt
/// starts, checked before each node and at each progress update.
final class InterruptFlag: Sendable {
    private let state = LockedValue(false)

    func raise() { state.set(true) }
    func clear() { state.set(false) }
    var isRaised: Bool { state.get() }
}

/// A value behind a lock, for the few pieces of state read synchronously from several tasks.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    // Every access goes through `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
    func update<T>(_ change: (inout Value) -> T) -> T { lock.withLock { change(&value) } }
}
