import SQLKit

/// Which of the two supported databases a connection speaks, where hand-written SQL differs.
enum SQLFlavor: Sendable {
    case sqlite
    case postgres

    init(_ database: any SQLDatabase) {
        self = database.dialect.name == "postgresql" ? .postgres : .sqlite
    }
}
