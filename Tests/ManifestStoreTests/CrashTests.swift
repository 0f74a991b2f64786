import Foundation
import GRDB
import Testing
@testable import ManifestStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real `kill -9` in the middle of a write transaction. The writer is Python's sqlite3 module
/// (the test binary cannot safely fork or re-exec itself): it commits one run, then begins a large
/// transaction whose pages spill into the write-ahead log, and waits to be killed.
@Suite struct CrashTests {
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static let writerScript = """
        import sqlite3, sys, time
        db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
        db.execute("PRAGMA cache_size = 4")  # a tiny cache: uncommitted pages spill into the WAL
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO run (started_at, status, command_line, pipeline, pid, host) "
                   "VALUES (1790000000000, 'running', 'committed', 'daily', 1, 'py')")
        db.execute("COMMIT")
        db.execute("BEGIN IMMEDIATE")
        db.execute("UPDATE run SET status = 'succeeded', finished_at = 1790000001000")
        db.execute("INSERT INTO run (started_at, status, command_line, pipeline, pid, host) "
                   "VALUES (1790000002000, 'running', 'uncommitted', 'daily', 1, 'py')")
        for i in range(20000):
            db.execute("INSERT INTO hash_cache VALUES (?, ?, ?, ?, ?)",
                       ("p%06d" % i + "x" * 100, i, i, i, "c" * 64))
        print("ready", flush=True)
        time.sleep(30)
        """

    @Test(.enabled(if: python != nil), .timeLimit(.minutes(1)))
    func aWriterKilledMidTransactionLeavesOnlyCommittedData() throws {
        let directory = TemporaryDirectory("manifest-crash")
        let path = directory.file("manifest.sqlite")
        let observer = try Manifest(path: path)  // stays open across the crash
        let script = directory.file("writer.py")
        try Data(Self.writerScript.utf8).write(to: URL(fileURLWithPath: script))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python))
        process.arguments = [script, path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        #expect(Self.readLine(output.fileHandleForReading) == "ready")
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(walSize > 1_000_000, "the uncommitted transaction should have spilled into the WAL")
        // While the writer holds the write lock, opening and reading do not wait for it.
        let openedAt = Date()
        let during = try Manifest(path: path)
        #expect(try during.runs().map(\.commandLine) == ["committed"])
        #expect(Date().timeIntervalSince(openedAt) < Manifest.busyTimeout / 2)

        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGKILL)

        for manifest in [observer, during, try Manifest(path: path)] {
            let runs = try manifest.runs()
            #expect(runs.map(\.commandLine) == ["committed"])
            #expect(runs.first?.status == .running)
            #expect(try manifest.hashCacheCount() == 0)
        }
        let reopened = try Manifest(path: path)
        #expect(try reopened.markInterruptedRuns().map(\.commandLine) == ["committed"])
        try reopened.storeChecksum(HashCacheEntry(path: "a", size: 1, mtimeNanoseconds: 1, inode: 1, checksum: "c"))
        #expect(try reopened.hashCacheCount() == 1)
        #expect(try reopened.beginRun(pipeline: "daily", commandLine: "after").status == .running)
        let integrity = try reopened.writer.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }

    /// Reads one line (without its newline) from `handle`, or what there is at end of file.
    private static func readLine(_ handle: FileHandle) -> String {
        var bytes: [UInt8] = []
        while true {
            let chunk = handle.readData(ofLength: 1)
            guard let byte = chunk.first, byte != UInt8(ascii: "\n") else { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
