import AtlasCore
import Foundation
import Vapor

/// `GET /api/v1/jobs/{id}/events`: a job's events as Server-Sent Events, for scripts and `curl -N`.
///
/// The stream opens with the job as it is now (or, given `Last-Event-ID`, with the events
/// missed since), follows it live, and ends after the event that ends the job. A comment
/// line every 15 seconds keeps proxies from closing a quiet stream.
enum JobEventStream {
    static let keepAlive: Duration = .seconds(15)

    static func response(_ req: Request) async throws -> Response {
        let id = try req.objectID("job_id", kind: "job")
        let sql = req.atlasDatabase.sql
        try await JobController.requireVisible(try await JobRepository.fetch(id, on: sql), req)
        let viewer = try await req.eventViewer()
        let events = req.atlas.events
        let subscriber = EventSubscriber(viewer: viewer, topics: [.job(id)],
                                         outbox: EventOutbox(capacity: EventSocketSession.outboxCapacity, after: 0))
        let head = try await events.subscribe(subscriber)
        // Read after subscribing: a change committed in between is then in both, never in neither.
        let job = try await JobRepository.fetch(id, on: sql)
        var opening = [EventMessage(try JobEvents.event(job, at: req.atlas.clock.now()), topic: .job(id))]
        opening[0].seq = head
        if let last = req.headers.first(name: "Last-Event-ID").flatMap(Int64.init), last < head {
            let missed = try await EventLog.replay(after: last, topics: [.job(id)], viewer: viewer, limit: 1_000, on: sql)
            opening = missed.filter { $0.seq <= head }.map { EventMessage($0, topic: .job(id)) }
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "event-stream")
        headers.cacheControl = .init(noStore: true)
        headers.add(name: "X-Accel-Buffering", value: "no")
        let response = Response(status: .ok, headers: headers)
        response.body = .init(asyncStream: { [opening] writer in
            defer { events.unsubscribe(subscriber) }
            await stream(opening: opening, ended: job.status.isFinal, from: subscriber, to: writer)
        })
        return response
    }

    private static func stream(opening: [EventMessage], ended: Bool, from subscriber: EventSubscriber,
                               to writer: any AsyncBodyStreamWriter) async {
        let pinger = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: keepAlive)
                subscriber.outbox.offer(control: ": keep-alive\n\n")
            }
        }
        defer { pinger.cancel() }
        do {
            for message in opening { try await writer.write(.buffer(ByteBuffer(string: frame(message.type, seq: message.seq, data: message.text)))) }
            if !(ended && opening.last.map { JobEvents.isFinal($0.type) } ?? true) {
                try await follow(subscriber, writer)
            }
            try await writer.write(.end)
        } catch {
            // The client went away.
        }
    }

    private static func follow(_ subscriber: EventSubscriber, _ writer: any AsyncBodyStreamWriter) async throws {
        while let batch = await subscriber.outbox.next() {
            for item in batch {
                switch item {
                case .text(let text) where text.hasPrefix(":"):
                    try await writer.write(.buffer(ByteBuffer(string: text)))
                case .text(let text):
                    guard let head = try? JSONCoding.sharedDecoder.decode(EventHead.self, from: Data(text.utf8)) else { continue }
                    try await writer.write(.buffer(ByteBuffer(string: frame(head.type, seq: head.seq, data: text))))
                    if JobEvents.isFinal(head.type) { return }
                case .resync(let after):
                    let notice = EventControlMessage.resync(after: after)
                    try await writer.write(.buffer(ByteBuffer(string: frame("resync", seq: nil, data: notice.text))))
                }
            }
        }
    }

    /// The part of an event message a frame needs.
    private struct EventHead: Decodable {
        var type: String
        var seq: Int64
    }

    private static func frame(_ type: String, seq: Int64?, data: String) -> String {
        (seq.map { "id: \($0)\n" } ?? "") + "event: \(type)\ndata: \(data)\n\n"
    }
}
