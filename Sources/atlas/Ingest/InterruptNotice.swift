import Dispatch
import Foundation

/// Ctrl-C (or SIGTERM) during a run: says how to go on before the process ends, with the status
/// an interrupted process has (128 + the signal). Nothing else needs doing: the journal holds
/// only whole lines, and a half-sent blob is thrown away by the server.
struct InterruptNotice {
    private let sources: [any DispatchSourceSignal]

    init(journal: String) {
        sources = [SIGINT, SIGTERM].map { number in
            // The default action would end the process before the handler runs.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let resume = FileManager.default.fileExists(atPath: journal)
                    ? " What was finished is recorded in \(journal); run the same command again to go on from there." : ""
                FileHandle.standardError.write(Data("\natlas ingest: interrupted.\(resume)\n".utf8))
                exit(128 + number)
            }
            source.resume()
            return source
        }
    }

    /// Puts the default handling back.
    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
