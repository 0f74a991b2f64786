public import LookupFormat

/// One version of one table, held in memory for serving: every key's list, each entry kept as the
/// JSON object an answer writes for it, rendered once at load:
///
/// ```
/// u2q, a user's list      {"query":"帐篷","source":"u2q"}
/// u2q, the default list   {"query":"帐篷","source":"default"}
/// x2q                     {"query":"睡袋","source":"x2q","trigger":"search:帐篷"}   (the trigger is the list's key)
/// popular                 {"query":"tent","source":"popular"}
/// ```
///
/// so writing a hint is one copy. Immutable once built, so any number of requests read it without
/// locks; a reload builds a new one beside it (``TableStore``). The whole table is loaded because a
/// lookup must cost a hash probe, not an SQLite read behind a lock (`aigq bench serve` times both):
/// about 80 bytes a query, a few MiB for the main job's u2q (~3 000 users × 10 queries).
///
/// ```swift
/// let table = try TableLoader(root: root).load(.u2q, at: observation)
/// for entry in table.list("42") ?? [] { print(table.query(entry)) }
/// ```
public final class ServedTable: Sendable {
    /// One entry of a list: where its JSON object is, where the query's escaped bytes are inside
    /// it, and their hash (for de-duplication across tables without comparing bytes every time).
    public struct Entry: Hashable, Sendable {
        /// FNV-1a of the query's escaped bytes.
        public var hash: UInt64
        /// Offset of the JSON object in the table's bytes.
        public var start: Int32
        /// Length of the JSON object.
        public var count: Int32
        /// Offset of the query's escaped bytes in the table's bytes.
        public var queryStart: Int32
        /// Length of the query's escaped bytes.
        public var queryCount: Int32
    }

    /// The key of a table's default list (u2q: the list for users without one; popular: its only list).
    public static let defaultKey = LookupTable.defaultKey

    /// Which table this is.
    public let kind: ServedTableKind
    /// The version name (`2026-11-23-0123456789ab`).
    public let version: String
    /// The day the version was built from.
    public let sourceDay: String
    /// The version folder it was read from, as found under the exports folder.
    public let observation: CurrentObservation
    /// When it was built (the end of its load).
    public let loaded: ContinuousClock.Instant
    /// `"<kind>":"<version>"`, as the answers' `versions` object lists it.
    let versionMember: [UInt8]
    /// Every entry's JSON object, back to back.
    let bytes: [UInt8]
    /// Every list's entries, back to back.
    let entries: [Entry]
    /// Each key's list: a range of ``entries``.
    let lists: [LookupKey: Range<Int32>]

    /// The number of keys.
    public var keys: Int { lists.count }
    /// The number of (key, query) rows.
    public var rows: Int { entries.count }

    /// Builds a table from its lists (key and queries, best first).
    public init(
        kind: ServedTableKind, version: String, sourceDay: String, observation: CurrentObservation,
        lists source: some Sequence<(key: String, entries: [LookupEntry])>
    ) {
        var bytes: [UInt8] = []
        var entries: [Entry] = []
        var lists: [LookupKey: Range<Int32>] = [:]
        for (key, list) in source {
            let first = Int32(entries.count)
            let suffix = Self.suffix(kind: kind, key: key)
            for entry in list {
                let start = bytes.count
                bytes.append(contentsOf: #"{"query":""#.utf8)
                let queryStart = bytes.count
                JSONText.appendEscaped(entry.query, to: &bytes)
                let queryEnd = bytes.count
                bytes.append(contentsOf: suffix)
                entries.append(Entry(
                    hash: Self.hash(bytes[queryStart..<queryEnd]), start: Int32(start), count: Int32(bytes.count - start),
                    queryStart: Int32(queryStart), queryCount: Int32(queryEnd - queryStart)))
            }
            lists[LookupKey(text: key)] = first..<Int32(entries.count)
        }
        self.kind = kind
        self.version = version
        self.sourceDay = sourceDay
        self.observation = observation
        self.loaded = .now
        self.versionMember = Array((JSONText.quoted(kind.rawValue) + ":" + JSONText.quoted(version)).utf8)
        self.bytes = bytes
        self.entries = entries
        self.lists = lists
    }

    /// The list of `key`, best first; `nil` when the table has no such key.
    public func list(_ key: String) -> ArraySlice<Entry>? {
        lists[LookupKey(text: key)].map { entries[Int($0.lowerBound)..<Int($0.upperBound)] }
    }

    /// The query of `entry` (decoded from its JSON bytes; for tests and logs, not the request path).
    public func query(_ entry: Entry) -> String {
        JSONText.unescape(bytes[Int(entry.queryStart)..<Int(entry.queryStart + entry.queryCount)])
    }

    /// The JSON object an answer writes for `entry`.
    func json(_ entry: Entry) -> ArraySlice<UInt8> {
        bytes[Int(entry.start)..<Int(entry.start + entry.count)]
    }

    /// Whether `a` of this table and `b` of `other` are the same query (byte for byte).
    func same(_ a: Entry, _ b: Entry, in other: ServedTable) -> Bool {
        guard a.hash == b.hash, a.queryCount == b.queryCount else { return false }
        return bytes[Int(a.queryStart)..<Int(a.queryStart + a.queryCount)]
            .elementsEqual(other.bytes[Int(b.queryStart)..<Int(b.queryStart + b.queryCount)])
    }

    /// What follows the query in the JSON object of an entry of `key`'s list in a table of `kind`.
    private static func suffix(kind: ServedTableKind, key: String) -> [UInt8] {
        switch kind {
        case .u2q: Array((key == defaultKey ? #"","source":"default"}"# : #"","source":"u2q"}"#).utf8)
        case .popular: Array(#"","source":"popular"}"#.utf8)
        case .x2q: Array((#"","source":"x2q","trigger":"# + JSONText.quoted(key) + "}").utf8)
        }
    }

    /// FNV-1a, 64 bits.
    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return h
    }
}
