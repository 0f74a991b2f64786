import Foundation

/// A fresh folder under the system temp dir, removed when the value is deinitialised.
final class TemporaryDirectory {
    let path: String

    init(_ label: String = "manifest") {
        let base = FileManager.default.temporaryDirectory.path
        path = "\(base)/aigq-\(label)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
