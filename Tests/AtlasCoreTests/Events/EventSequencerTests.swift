import AtlasCore
import Foundation
import Testing

@Suite("Handing on events in order when numbers become visible out of order")
struct EventSequencerTests {
    let start = Date(timeIntervalSince1970: 1_000)

    @Test("Contiguous numbers are delivered at once and move the watermark")
    func contiguous() {
        var sequencer = EventSequencer(watermark: 10)
        #expect(sequencer.accept([11, 12, 13], now: start) == [11, 12, 13])
        #expect(sequencer.watermark == 13)
        #expect(!sequencer.isWaiting)
    }

    @Test("Numbers behind a hole wait for it to fill, then go out in order")
    func holeFills() {
        var sequencer = EventSequencer(watermark: 10, patience: 1)
        #expect(sequencer.accept([11, 13, 14], now: start) == [11])
        #expect(sequencer.isWaiting)
        #expect(sequencer.accept([12, 13, 14], now: start.addingTimeInterval(0.3)) == [12, 13, 14])
        #expect(sequencer.watermark == 14)
    }

    @Test("A hole that outlasts the patience is stepped over, and its event is still delivered if it shows up late")
    func holeSkippedThenLate() {
        var sequencer = EventSequencer(watermark: 10, patience: 1, lateWindow: 60)
        #expect(sequencer.accept([12], now: start) == [])
        #expect(sequencer.accept([12], now: start.addingTimeInterval(1.5)) == [12])
        #expect(sequencer.skipped.keys.sorted() == [11])
        #expect(sequencer.accept([11], now: start.addingTimeInterval(2)) == [11])
        #expect(sequencer.skipped.isEmpty)
        #expect(sequencer.accept([11], now: start.addingTimeInterval(3)) == [], "delivered once only")
    }

    @Test("Stepped-over numbers are forgotten after the late window")
    func lateWindowExpires() {
        var sequencer = EventSequencer(watermark: 0, patience: 0, lateWindow: 5)
        #expect(sequencer.accept([3], now: start) == [3])
        #expect(sequencer.skipped.count == 2)
        #expect(sequencer.accept([1], now: start.addingTimeInterval(10)) == [])
    }
}

@Suite("Event topics and who may see an event")
struct EventTopicTests {
    @Test("Topics read back as written; anything else is refused with unknown_topic")
    func parse() throws {
        let id = UUID()
        for text in ["jobs", "job:\(id.uuidString.lowercased())", "asset:\(id.uuidString.lowercased())",
                     "project:\(id.uuidString.lowercased())", "batch:\(id.uuidString.lowercased())"] {
            #expect(try EventTopic.parse(text).description == text)
        }
        for text in ["", "job", "job:", "job:123", "shot:\(id)", "JOBS", "asset:\(id):x"] {
            #expect(throws: AtlasError.self) { try EventTopic.parse(text) }
        }
    }

    @Test("A job event is on its job, its batch, its project and jobs; an asset event on its asset and project")
    func topicsOfEvents() {
        let job = UUID(), batch = UUID(), project = UUID()
        let jobEvent = AtlasEvent(type: "job.running", at: Date(), objectID: job, projectID: project, batchID: batch, data: [:])
        #expect(jobEvent.topics == [.job(job), .batch(batch), .project(project), .jobs])
        let assetEvent = AtlasEvent(type: "asset.updated", at: Date(), objectID: job, projectID: project, data: [:])
        #expect(assetEvent.topics == [.asset(job), .project(project)])
    }

    @Test("Members see their projects' events, owners their own jobs, administrators everything")
    func viewers() {
        let me = UUID(), project = UUID(), other = UUID()
        let member = EventViewer(seesAll: false, userID: me, projects: [project])
        let ofProject = AtlasEvent(type: "asset.created", at: Date(), objectID: UUID(), projectID: project, data: [:])
        let ofOther = AtlasEvent(type: "asset.created", at: Date(), objectID: UUID(), projectID: other, data: [:])
        let myJob = AtlasEvent(type: "job.queued", at: Date(), objectID: UUID(), projectID: other, owner: me.uuidString.lowercased(), data: [:])
        #expect(member.maySee(ofProject))
        #expect(!member.maySee(ofOther))
        #expect(member.maySee(myJob))
        #expect(EventViewer(seesAll: true, userID: other, projects: []).maySee(ofOther))
    }
}

@Suite("A batch's totals")
struct JobBatchTests {
    func batch(_ counts: [JobStatus: Int], running: Double = 0) -> JobBatch {
        JobBatch(id: UUID(), projectID: nil, total: counts.values.reduce(0, +), counts: counts, runningProgress: running,
                 createdAt: Date(), createdBy: nil)
    }

    @Test("Status: queued, running, then failed if any failed, cancelled if any was cancelled, else succeeded")
    func status() {
        #expect(batch([.queued: 3]).status == .queued)
        #expect(batch([.queued: 2, .succeeded: 1]).status == .running)
        #expect(batch([.running: 1, .queued: 2]).status == .running)
        #expect(batch([.succeeded: 2, .failed: 1, .cancelled: 1]).status == .failed)
        #expect(batch([.succeeded: 2, .cancelled: 1]).status == .cancelled)
        #expect(batch([.succeeded: 3]).status == .succeeded)
    }

    @Test("Progress counts ended jobs whole and running ones by their own progress")
    func progress() {
        #expect(batch([.succeeded: 1, .running: 2, .queued: 1], running: 1.0).progress == 0.5)
        #expect(batch([.failed: 1, .cancelled: 1]).progress == 1)
    }
}
