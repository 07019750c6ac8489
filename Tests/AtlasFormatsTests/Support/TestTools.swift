import AtlasCore
import Foundation
@testable import AtlasFormats

extension ExternalTool {
    static let maketx = ExternalTool(name: "maketx", package: "the Debian package openimageio-tools (brew: openimageio)")
}

extension ToolSettings {
    /// The tools as the tests run them: the venv's Python (usd-core, MaterialX) and assimp from PATH.
    /// A missing one fails the test with the package to install.
    static func forTests(timeout: Double = 120) throws -> ToolSettings {
        let python = try ExternalTool.python.locate()
        _ = try ExternalTool.assimp.locate()
        return ToolSettings(python: python.path, timeout: timeout)
    }
}

extension FixtureFolder {
    /// A shell script at `name` that stands in for a tool (`#!/bin/sh` + `body`), made executable.
    func script(_ name: String, _ body: String) throws -> String {
        try write(Array("#!/bin/sh\n\(body)\n".utf8), to: name)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path(name))
        return path(name)
    }
}

extension JSONValue {
    /// Member `key` of an object, nil otherwise (for reading reports in tests).
    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { members[key] } else { nil }
    }

    var stringValue: String? { if case .string(let value) = self { value } else { nil } }
    var intValue: Int? { if case .number(let value) = self { Int(value) } else { nil } }
    var arrayValue: [JSONValue] { if case .array(let values) = self { values } else { [] } }
    var strings: [String] { arrayValue.compactMap(\.stringValue) }
}
