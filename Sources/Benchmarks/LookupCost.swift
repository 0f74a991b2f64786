import Foundation
import LookupFormat
import Serving

/// What one key lookup costs in process, both ways the server could read u2q: the in-memory
/// ``Serving/ServedTable`` it builds at load (a hash probe into escaped bytes), and the SQLite
/// lookup file through ``LookupFormat/LookupTable`` (an indexed read on one read-only connection,
/// then the list's JSON decoded). Measured to justify loading tables into memory.
public struct LookupCost: Sendable {
    /// Lookups timed per way.
    public var lookups: Int
    /// Microseconds per lookup in the in-memory table.
    public var memoryMicroseconds: Double
    /// Microseconds per lookup in the SQLite lookup file.
    public var sqliteMicroseconds: Double
    /// Resident memory the in-memory u2q added, in bytes (RSS after − before loading it).
    public var memoryBytes: Int

    /// Times `keys` (cycled to `lookups`) against `exports`'s CURRENT u2q both ways.
    static func measure(exports: String, keys: [String], lookups: Int = 100_000) throws -> LookupCost {
        let rssBefore = residentBytes()
        let loader = TableLoader(root: try ExportsRoot(exports))
        guard let observation = try loader.observe(.u2q) else { throw BenchmarkError("no u2q CURRENT under '\(exports)'") }
        let table = try loader.load(.u2q, at: observation)
        let memoryBytes = residentBytes() - rssBefore
        let lookup = try ExportFolder(exports: exports, table: "u2q").loadCurrent().lookup
        let clock = ContinuousClock()
        var found = 0
        let memory = clock.measure {
            for i in 0..<lookups { found &+= table.list(keys[i % keys.count])?.count ?? 0 }
        }
        let sqlite = try clock.measure {
            for i in 0..<lookups { found &+= try lookup.lookup(keys[i % keys.count]).count }
        }
        guard found > 0 else { throw BenchmarkError("no key of the request mix is in u2q") }
        func micros(_ d: Duration) -> Double { (Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18) * 1e6 / Double(lookups) }
        return LookupCost(lookups: lookups, memoryMicroseconds: micros(memory), sqliteMicroseconds: micros(sqlite), memoryBytes: max(0, memoryBytes))
    }

    /// This process's resident set size (from /proc/self/statm).
    private static func residentBytes() -> Int {
        let text = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
        let pages = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
