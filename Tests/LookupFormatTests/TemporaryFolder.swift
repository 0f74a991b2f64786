import Foundation

/// A fresh folder per test, removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init(_ label: String = "lookup") {
        path = FileManager.default.temporaryDirectory.path + "/aigq-\(label)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// The bytes of the file at `path`.
func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }
