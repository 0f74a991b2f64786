import Columnar

/// The day's dimension snapshots as the sessions stage looks them up: profiles by user, titles and
/// leaf categories by item, leaf categories by query. Read once and shared (read-only) by the
/// bucket workers.
struct SessionDimensions: Sendable {
    /// A user's profile; users missing from `users` get ``unknown``.
    struct Profile: Sendable, Equatable {
        /// `f`, `m` or `u` (as ingested).
        var gender: String
        /// Age in years, when known.
        var age: Int32?
        /// City tier, when known.
        var cityTier: Int32?
        /// The profile of a user missing from `users`: gender `u`, the rest unknown.
        static let unknown = Profile(gender: "u", age: nil, cityTier: nil)
    }

    private var profileIndex = Int64Index([])
    private var profiles: [Profile] = []
    private var itemIndex = Int64Index([])
    /// Item titles, by the row numbers of ``itemRows``.
    private(set) var itemTitles = ByteArrayColumn()
    private var itemCategories: [Int64] = []
    private var queryIndex = ByteStringIndex(ByteArrayColumn())
    private var queryCategories: [Int64] = []

    /// Empty dimensions: every user unknown, every item and query without title or category.
    init() {}

    /// Reads the snapshots from the stage's input files of `users`, `items` and `queries`.
    init(users: [String], items: [String], queries: [String]) throws {
        let u = try DatasetFiles.readAll(users, schema: Self.subSchema(DatasetSchemas.users, ["user", "gender", "age", "city_tier"]))
        let ids = try u.int64s("user"), genders = try u.strings("gender")
        let ages = try u.optionalInt32s("age"), tiers = try u.optionalInt32s("city_tier")
        profileIndex = Int64Index(ids)
        let genderNames = ["f", "m", "u"]
        profiles = ids.indices.map { i in
            let g = genders.string(at: i)
            return Profile(gender: genderNames.first { $0 == g } ?? g, age: ages[i], cityTier: tiers[i])
        }

        let it = try DatasetFiles.readAll(items, schema: Self.subSchema(DatasetSchemas.items, ["item", "category", "title"]))
        let itemIDs = try it.int64s("item")
        itemTitles = try it.strings("title")
        itemCategories = try it.int64s("category")
        itemIndex = Int64Index(itemIDs)

        let q = try DatasetFiles.readAll(queries, schema: Self.subSchema(DatasetSchemas.queries, ["query", "category"]))
        queryIndex = ByteStringIndex(try q.strings("query"))
        queryCategories = try q.optionalInt64s("category").map { $0 ?? -1 }
    }

    /// The profile of `user` (``Profile/unknown`` when missing).
    func profile(of user: Int64) -> Profile { profileIndex.row(of: user).map { profiles[$0] } ?? .unknown }

    /// The row of `item` in the catalogue (its title is `itemTitles[row]`), if listed.
    @inline(__always)
    func itemRow(_ item: Int64) -> Int? { itemIndex.row(of: item) }

    /// The leaf category of a catalogue row.
    @inline(__always)
    func itemCategory(row: Int) -> Int64 { itemCategories[row] }

    /// The leaf category of value `i` of `column` as a query, -1 when the query is unknown or unclassified.
    @inline(__always)
    func queryCategory(_ column: ByteArrayColumn, _ i: Int) -> Int64 {
        queryIndex.row(of: column, i).map { queryCategories[$0] } ?? -1
    }

    /// `schema` restricted to the fields called `names` (in the schema's order).
    static func subSchema(_ schema: Schema, _ names: Set<String>) -> Schema {
        Schema(schema.fields.filter { names.contains($0.name) })
    }
}
