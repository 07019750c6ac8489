import Foundation
import Logging

/// Sets up process-wide logging once, from the configuration: text for people, JSON lines for log collectors.
public enum AtlasLogging {
    public static func bootstrap(_ configuration: AtlasConfiguration) {
        let level = configuration.logLevel
        switch configuration.logFormat {
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        case .json:
            LoggingSystem.bootstrap { label in JSONLogHandler(label: label, logLevel: level) }
        }
    }
}
