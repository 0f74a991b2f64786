import Foundation

/// The input of `aigq bench ingest`: one day of raw logs in the raw contract (log-schema.md), made
/// by a small deterministic loop: `raw/dt=2025-03-14/events.jsonl` (one plain JSON Lines file, the
/// file every tool reads), `_SUCCESS`, and `raw/dims/*.jsonl`.
///
/// Events come in sessions of one user (a user drawn at random, about 40 events in time order); the
/// lines of consecutive sessions are shuffled within windows of 4 096 lines, as log files written
/// by several servers interleave. Types follow ``EventKind``'s shares (29 % hint exposures with 10
/// candidates each); queries are Zipf-drawn from ``QueryVocabulary`` (some Chinese, some written in
/// upper case or with doubled spaces, which ingest normalises); a tenth of the hint clicks name an
/// exposure of another day.
public enum IngestInputDay {
    /// The day of the events.
    public static let day = "2025-03-14"
    private static let dayStart: Int64 = 1_741_910_400_000
    private static let users = 200_000
    private static let items = 100_000
    private static let categories = 400
    private static let candidates = 10

    /// Writes the day under `root` (`root/raw/...`); returns the path of the events file.
    @discardableResult
    public static func write(events: Int, root: String, seed: UInt64 = BenchmarkEventsTable.defaultSeed) throws -> String {
        let dayFolder = root + "/raw/dt=" + day
        let dims = root + "/raw/dims"
        try FileManager.default.createDirectory(atPath: dayFolder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dims, withIntermediateDirectories: true)
        let vocabulary = QueryVocabulary(count: BenchmarkEventsTable.distinctQueries, seed: seed ^ 0x5157_4552_59)
        try writeDims(dims, vocabulary: vocabulary)
        let path = dayFolder + "/events.jsonl"
        try writeEvents(events, to: path, vocabulary: vocabulary, seed: seed)
        FileManager.default.createFile(atPath: dayFolder + "/_SUCCESS", contents: Data())
        return path
    }

    private static func writeDims(_ folder: String, vocabulary: QueryVocabulary) throws {
        var text = ""
        for c in 1...categories {
            let parent = c <= 20 ? "null" : String((c - 21) % 20 + 1)
            text += #"{"id":\#(c),"parent":\#(parent),"name":"category \#(c)"}"# + "\n"
        }
        try text.write(toFile: folder + "/categories.jsonl", atomically: false, encoding: .utf8)
        text = ""
        for i in 0..<items {
            let h = SplitMix64.mix(UInt64(i))
            text += #"{"id":\#(10_000_000 + i),"category":\#(21 + Int(h % UInt64(categories - 20))),"title":"item \#(i)","price":\#(Double(99 + (h >> 20) % 50_000) / 100)}"# + "\n"
        }
        try text.write(toFile: folder + "/items.jsonl", atomically: false, encoding: .utf8)
        text = ""
        for (rank, query) in vocabulary.queries.enumerated() where rank % 2 == 0 {
            text += #"{"query":"\#(String(decoding: query, as: UTF8.self))","category":\#(21 + rank % (categories - 20))}"# + "\n"
        }
        try text.write(toFile: folder + "/queries.jsonl", atomically: false, encoding: .utf8)
        text = ""
        let genders = ["f", "m", "u"]
        for u in 1...users {
            let h = SplitMix64.mix(UInt64(u) ^ 0xABCD)
            let age = h % 5 == 0 ? "null" : String(18 + h % 60)
            text += #"{"id":\#(u),"gender":"\#(genders[Int(h % 3)])","age":\#(age),"city_tier":\#(1 + (h >> 8) % 5),"registered":"2024-0\#(1 + (h >> 16) % 9)-1\#((h >> 24) % 9)"}"# + "\n"
        }
        try text.write(toFile: folder + "/users.jsonl", atomically: false, encoding: .utf8)
    }

    private static func writeEvents(_ count: Int, to path: String, vocabulary: QueryVocabulary, seed: UInt64) throws {
        guard let out = FileHandle(forWritingAtPath: path) ?? {
            FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { throw BenchmarkError("cannot create '\(path)'") }
        defer { try? out.close() }
        var rng = SplitMix64(seed: seed)
        let queryRanks = ZipfSampler(count: vocabulary.queries.count, exponent: 1.05)
        let itemRanks = ZipfSampler(count: items, exponent: 0.9)
        let sources = ["typed", "hint", "suggest"]
        var window: [String] = []
        var bytes: [UInt8] = []
        var user = 0, left = 0, exposureSeq = 0
        var ts: Int64 = 0
        var lastExposure: (id: String, queries: [String])?

        func query() -> String {
            let q = String(decoding: vocabulary.queries[queryRanks.rank(rng.unit())], as: UTF8.self)
            switch rng.below(20) {
            case 0: return q.uppercased()
            case 1: return q.replacingOccurrences(of: " ", with: "  ")
            default: return q
            }
        }
        func flushWindow() throws {
            for i in stride(from: window.count - 1, to: 0, by: -1) { window.swapAt(i, rng.below(i + 1)) }
            for line in window {
                bytes.append(contentsOf: line.utf8)
                bytes.append(0x0A)
            }
            window.removeAll(keepingCapacity: true)
            if bytes.count > 8 << 20 {
                try out.write(contentsOf: bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }

        for _ in 0..<count {
            if left == 0 {
                user = 1 + rng.below(users)
                left = max(1, Int((-log1p(-rng.unit()) * 40).rounded()))
                ts = dayStart + Int64(rng.unit() * 86_400_000 * 0.9)
                lastExposure = nil
            }
            left -= 1
            ts = min(ts + Int64(-log1p(-rng.unit()) * 20_000), dayStart + 86_400_000 - 1)
            let head = #"{"ts":\#(ts),"user":\#(user),"type":"#
            let item = 10_000_000 + itemRanks.rank(rng.unit())
            switch EventKind.byPercentile[rng.below(100)] {
            case .appOpen: window.append(head + #""app_open"}"#)
            case .appExit: window.append(head + #""app_exit"}"#)
            case .hintExposure:
                exposureSeq += 1
                let id = "ex\(exposureSeq)-\(user)"
                let queries = (0..<candidates).map { _ in query() }
                var score = 1.0
                let list = queries.map { q -> String in
                    score *= 0.5 + rng.unit() * 0.5
                    return #"{"query":"\#(q)","score":\#((score * 10_000).rounded() / 10_000)}"#
                }
                window.append(head + #""hint_exposure","exposure":"\#(id)","shown":5,"candidates":[\#(list.joined(separator: ","))]}"#)
                lastExposure = (id, queries)
            case .hintClick:
                if let e = lastExposure, rng.below(10) != 0 {
                    window.append(head + #""hint_click","exposure":"\#(e.id)","query":"\#(e.queries[rng.below(5)])"}"#)
                } else {
                    window.append(head + #""hint_click","exposure":"old-\#(rng.below(1 << 30))","query":"\#(query())"}"#)
                }
            case .search:
                window.append(head + #""search","query":"\#(query())","source":"\#(sources[rng.below(3)])"}"#)
            case .itemClick:
                let q = rng.below(3) == 0 ? "" : #","query":"\#(query())""#
                window.append(head + #""item_click","item":\#(item)\#(q)}"#)
            case .addToCart: window.append(head + #""add_to_cart","item":\#(item)}"#)
            case .purchase: window.append(head + #""purchase","item":\#(item),"price":\#(Double(99 + rng.below(50_000)) / 100)}"#)
            }
            if window.count == 4096 { try flushWindow() }
        }
        try flushWindow()
        try out.write(contentsOf: bytes)
    }
}
