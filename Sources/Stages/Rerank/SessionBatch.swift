import Columnar

/// Row access to a batch of `direct_sessions` or `think_sessions`: the columns every session row
/// has (user, ts, profile, history) plus its string lists by name.
struct SessionBatch {
    /// One behaviour of a row's history.
    struct Behaviour: Sendable, Equatable {
        /// A search (else an item click).
        var isSearch: Bool
        /// The query or the item title.
        var text: String
        /// `search:<query>` or `item:<id>`.
        var key: String
        /// When it happened (epoch ms).
        var ts: Int64
        /// Its leaf category, -1 when unknown.
        var category: Int64
    }

    /// The batch.
    let batch: RecordBatch
    /// Users.
    let user: [Int64]
    /// Sample times.
    let ts: [Int64]
    private let gender: ByteArrayColumn
    private let age: [Int32?]
    private let tier: [Int32?]
    private let kinds: (offsets: [Int], elements: ByteArrayColumn)
    private let texts: (offsets: [Int], elements: ByteArrayColumn)
    private let keys: (offsets: [Int], elements: ByteArrayColumn)
    private let times: (offsets: [Int], elements: [Int64])
    private let categories: (offsets: [Int], elements: [Int64])

    /// Wraps `batch` (a session schema).
    init(_ batch: RecordBatch) throws {
        self.batch = batch
        user = try batch.int64s("user")
        ts = try batch.int64s("ts")
        gender = try batch.strings("gender")
        age = try batch.optionalInt32s("age")
        tier = try batch.optionalInt32s("city_tier")
        kinds = try batch.stringLists("h_kind")
        texts = try batch.stringLists("h_text")
        keys = try batch.stringLists("h_key")
        times = try batch.int64Lists("h_ts")
        categories = try batch.int64Lists("h_category")
    }

    /// The number of rows.
    var count: Int { user.count }

    /// The profile of row `row`.
    func profile(_ row: Int) -> SessionDimensions.Profile {
        SessionDimensions.Profile(gender: gender.string(at: row), age: age[row], cityTier: tier[row])
    }

    /// The history of row `row`, oldest first.
    func history(_ row: Int) -> [Behaviour] {
        (kinds.offsets[row]..<kinds.offsets[row + 1]).map { i in
            Behaviour(
                isSearch: kinds.elements.string(at: i) == "search", text: texts.elements.string(at: i),
                key: keys.elements.string(at: i), ts: times.elements[i], category: categories.elements[i])
        }
    }

    /// Row `row` of the `list<string>` column `name`.
    func strings(_ name: String, _ row: Int) throws -> [String] {
        let list = try batch.stringLists(name)
        return (list.offsets[row]..<list.offsets[row + 1]).map { list.elements.string(at: $0) }
    }

    /// Every row of the `list<string>` column `name`.
    func allStrings(_ name: String) throws -> [[String]] {
        let list = try batch.stringLists(name)
        return (0..<count).map { row in (list.offsets[row]..<list.offsets[row + 1]).map { list.elements.string(at: $0) } }
    }
}
