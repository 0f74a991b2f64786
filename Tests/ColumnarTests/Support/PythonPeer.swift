import Foundation

/// The Python of the test venv (`AIGQ_PYTHON`, set by Tests/run.sh), for interop tests.
enum PythonPeer {
    static var python: String? {
        guard let p = ProcessInfo.processInfo.environment["AIGQ_PYTHON"], FileManager.default.isExecutableFile(atPath: p) else {
            return nil
        }
        return p
    }

    /// The package root (two levels above this file's folder).
    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Runs `Tests/Python/<script>` with `arguments`; returns exit status and combined output.
    static func run(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let python else { return (127, "AIGQ_PYTHON is not set") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["\(packageRoot)/Tests/Python/\(script)"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
