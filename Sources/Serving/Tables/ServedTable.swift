public import LookupFormat

/// One version of one table, held in memory for serving: every key's list, each query stored once
/// as the bytes of its JSON string (escaped, without quotes) in one buffer.
///
/// Immutable once built, so any number of requests read it without locks; a reload builds a new
/// one beside it (``TableStore``). The whole table is loaded because a lookup must cost a hash
/// probe, not an SQLite read behind a lock: the main job's u2q (~3 000 users × 10 queries) takes
/// well under a megabyte; a table costs about 40 bytes per query plus ~80 per key.
///
/// ```swift
/// let table = try TableLoader(exports: root).load(.u2q, at: observation)
/// for entry in table.list("42") ?? [] { print(table.query(entry)) }
/// ```
public final class ServedTable: Sendable {
    /// One query of a list: where its escaped JSON bytes are, and their hash (for de-duplication
    /// across tables without comparing bytes every time).
    public struct Entry: Hashable, Sendable {
        /// FNV-1a of the bytes.
        public var hash: UInt64
        /// Offset of the bytes in ``ServedTable/bytes``.
        public var start: Int32
        /// Length of the bytes.
        public var count: Int32
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
    /// Every query's escaped JSON bytes, back to back.
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
            for entry in list {
                let start = bytes.count
                JSONText.appendEscaped(entry.query, to: &bytes)
                entries.append(Entry(hash: Self.hash(bytes[start...]), start: Int32(start), count: Int32(bytes.count - start)))
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
        JSONText.unescape(jsonBytes(entry))
    }

    /// The escaped JSON bytes of `entry`.
    func jsonBytes(_ entry: Entry) -> ArraySlice<UInt8> {
        bytes[Int(entry.start)..<Int(entry.start + entry.count)]
    }

    /// Whether `a` of this table and `b` of `other` are the same query (byte for byte).
    func same(_ a: Entry, _ b: Entry, in other: ServedTable) -> Bool {
        guard a.hash == b.hash, a.count == b.count else { return false }
        return jsonBytes(a).elementsEqual(other.jsonBytes(b))
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
