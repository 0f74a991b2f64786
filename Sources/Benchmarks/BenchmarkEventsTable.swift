public import Columnar
import Foundation

/// A deterministic, events-shaped table for benchmarks, produced in chunks of rows.
///
/// The columns mimic one day of user-behaviour logs, sorted by user then time:
///
/// | column | type | shape |
/// | --- | --- | --- |
/// | `user` | int64, not null | ascending, about rows / 40 distinct users |
/// | `ts` | timestamp[ms, UTC], not null | ascending within a user, inside one day |
/// | `type` | string, not null | 8 event kinds with a realistic skew (``EventKind``) |
/// | `query` | string | ~55 % null; Zipf over 50 000 multi-word queries, some Chinese |
/// | `item` | int64 | ~60 % null; Zipf over 200 000 items |
/// | `category` | int32 | null where `item` is; one of ~400, fixed per item |
/// | `price` | double | ~90 % null; two decimals, fixed per item |
///
/// ```swift
/// var table = BenchmarkEventsTable(rows: 10_000_000)
/// while let batch = table.next(maxRows: 1 << 20) { try writer.write(batch) }
/// ```
///
/// The same `rows` and `seed` give the same values on every run and platform (``SplitMix64``).
public struct BenchmarkEventsTable: Sendable {
    /// The table's columns.
    public static let schema = Schema([
        Field("user", .int64, nullable: false),
        Field("ts", .timestamp(.millis, utc: true), nullable: false),
        Field("type", .string, nullable: false),
        Field("query", .string),
        Field("item", .int64),
        Field("category", .int32),
        Field("price", .double),
    ])

    /// The default seed.
    public static let defaultSeed: UInt64 = 0xA16_0_2025_0314

    /// Number of distinct queries.
    public static let distinctQueries = 50_000
    /// Number of distinct items.
    public static let distinctItems = 200_000
    /// Number of distinct categories.
    public static let distinctCategories = 400

    /// Rows in the whole table.
    public let rowCount: Int
    /// Rows produced so far.
    public private(set) var rowsProduced = 0

    private var rng: SplitMix64
    private let vocabulary: QueryVocabulary
    private let queryRanks: ZipfSampler
    private let itemRanks: ZipfSampler
    private let kindNames: [[UInt8]]
    private var user: Int64 = 1_000_000
    private var eventsLeftForUser = 0
    private var lastTimestamp: Int64 = 0

    /// 2025-03-14T00:00:00Z in milliseconds: the day every event falls in.
    private static let dayStart: Int64 = 1_741_910_400_000
    private static let dayMillis: Int64 = 86_400_000

    /// A table of `rows` rows drawn from `seed`.
    public init(rows: Int, seed: UInt64 = BenchmarkEventsTable.defaultSeed) {
        precondition(rows >= 0, "rows must be 0 or more")
        rowCount = rows
        rng = SplitMix64(seed: seed)
        vocabulary = QueryVocabulary(count: Self.distinctQueries, seed: seed ^ 0x5157_4552_59)
        queryRanks = ZipfSampler(count: Self.distinctQueries, exponent: 1.05)
        itemRanks = ZipfSampler(count: Self.distinctItems, exponent: 0.9)
        kindNames = EventKind.allCases.map { Array($0.name.utf8) }
    }

    /// The next chunk of at most `maxRows` rows, or `nil` once all ``rowCount`` rows were produced.
    public mutating func next(maxRows: Int) -> RecordBatch? {
        let n = min(maxRows, rowCount - rowsProduced)
        guard n > 0 else { return nil }
        var users = [Int64](), times = [Int64](), items = [Int64](), categories = [Int32](), prices = [Double]()
        var itemValid = [Bool](), queryValid = [Bool](), priceValid = [Bool]()
        users.reserveCapacity(n); times.reserveCapacity(n); items.reserveCapacity(n)
        categories.reserveCapacity(n); prices.reserveCapacity(n)
        itemValid.reserveCapacity(n); queryValid.reserveCapacity(n); priceValid.reserveCapacity(n)
        var kinds = ByteArrayColumn(), queries = ByteArrayColumn()
        kinds.reserve(values: n, bytes: n * 10)
        queries.reserve(values: n, bytes: n * 10)

        for _ in 0..<n {
            if eventsLeftForUser == 0 { startNextUser() }
            eventsLeftForUser -= 1
            users.append(user)
            let gap = Int64(-log1p(-rng.unit()) * 45_000)
            lastTimestamp = min(lastTimestamp + gap, Self.dayStart + Self.dayMillis - 1)
            times.append(lastTimestamp)

            let kind = EventKind.byPercentile[rng.below(100)]
            kinds.append(kindNames[kind.rawValue])
            if kind.hasQuery {
                queries.append(vocabulary.queries[queryRanks.rank(rng.unit())])
            } else {
                queries.appendEmpty()
            }
            queryValid.append(kind.hasQuery)

            if kind.hasItem {
                let rank = itemRanks.rank(rng.unit())
                let h = SplitMix64.mix(UInt64(rank))
                items.append(10_000_000 + Int64(rank * 104_729 % Self.distinctItems))
                categories.append(Int32(h % UInt64(Self.distinctCategories)) + 1)
                prices.append(kind.hasPrice ? Double(99 + (h >> 20) % 50_000) / 100 : 0)
            } else {
                items.append(0)
                categories.append(0)
                prices.append(0)
            }
            itemValid.append(kind.hasItem)
            priceValid.append(kind.hasPrice)
        }
        rowsProduced += n
        return RecordBatch(
            unchecked: Self.schema,
            columns: [
                ColumnArray(values: .int64(users)),
                ColumnArray(values: .int64(times)),
                ColumnArray(values: .byteArray(kinds)),
                ColumnArray(values: .byteArray(queries), validity: queryValid),
                ColumnArray(values: .int64(items), validity: itemValid),
                ColumnArray(values: .int32(categories), validity: itemValid),
                ColumnArray(values: .double(prices), validity: priceValid),
            ],
            rowCount: n)
    }

    /// Moves to the next user: a larger id, a session start within the first 20 hours of the day,
    /// and an exponentially distributed number of events with mean 40.
    private mutating func startNextUser() {
        user += 1 + Int64(rng.below(7))
        eventsLeftForUser = max(1, Int((-log1p(-rng.unit()) * 40).rounded()))
        lastTimestamp = Self.dayStart + Int64(rng.unit() * Double(Self.dayMillis) * 0.8)
    }
}
