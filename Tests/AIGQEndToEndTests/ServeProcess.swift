import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `aigq serve` started as a user starts it, in the background: its stdout and stderr go to files,
/// its port is read from the line it prints once listening, and plain HTTP/1.1 requests are sent to
/// it over a socket.
final class ServeProcess {
    let process = Process()
    let stdoutPath: String
    let stderrPath: String
    private(set) var port = 0

    /// Starts `aigq serve arguments…` with its output in `dir`.
    init(_ arguments: [String], dir: TemporaryDirectory) throws {
        stdoutPath = dir.file("serve.stdout")
        stderrPath = dir.file("serve.stderr")
        FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: AIGQBinary.path)
        process.arguments = ["serve"] + arguments
        process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Waits (at most `timeout`) for `aigq serve: listening on http://127.0.0.1:PORT …`; returns the port.
    func waitUntilListening(timeout: Duration = .seconds(60)) throws -> Int {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let range = stdout.range(of: #"listening on http://127\.0\.0\.1:\d+"#, options: .regularExpression),
                let port = Int(stdout[range].split(separator: ":").last ?? "")
            {
                self.port = port
                return port
            }
            guard process.isRunning else { throw E2EError("aigq serve exited with status \(process.terminationStatus): \(stderr)") }
            usleep(20_000)
        }
        throw E2EError("aigq serve did not listen within \(timeout): \(stderr)")
    }

    /// Sends SIGTERM and waits (at most `timeout`); returns the exit status, or nil if it did not exit.
    func terminate(timeout: Duration = .seconds(15)) -> Int32? {
        process.terminate()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { usleep(10_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// `GET path` on the server: the status code and the body.
    func get(_ path: String) throws -> (status: Int, body: String) {
        try HTTPGet.get(port: port, path: path)
    }
}

/// A minimal HTTP/1.1 GET over a socket to 127.0.0.1 (`Connection: close`, read to the end).
enum HTTPGet {
    static func get(port: Int, path: String) throws -> (status: Int, body: String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw E2EError("socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw E2EError("connect to port \(port): \(String(cString: strerror(errno)))") }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == request.count else {
            throw E2EError("send: \(String(cString: strerror(errno)))")
        }
        var response: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            response += chunk[0..<n]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let headEnd = text.range(of: "\r\n\r\n"), let status = Int(text.split(separator: " ").dropFirst().first ?? "") else {
            throw E2EError("not an HTTP response: '\(text.prefix(200))'")
        }
        return (status, String(text[headEnd.upperBound...]))
    }
}

/// A failure of an end-to-end step, with what was seen.
struct E2EError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
