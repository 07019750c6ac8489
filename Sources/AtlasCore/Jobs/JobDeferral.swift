/// Not a failure: the job cannot run yet (an outside service it needs is down or busy). The job
/// goes back to the queue to run after `delay` seconds without using up a try, with `message`
/// shown as its status.
public struct JobDeferral: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var delay: Double

    public init(_ message: String, delay: Double) {
        self.message = message
        self.delay = delay
    }

    public var description: String { message }
}
