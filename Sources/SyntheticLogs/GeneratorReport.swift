/// What ``LogGenerator/write(_:progress:)`` wrote.
public struct GeneratorReport: Sendable, Equatable {
    /// The generated days, `YYYY-MM-DD`, in order.
    public var days: [String] = []
    /// Users in the population.
    public var users: Int = 0
    /// Leaf categories, queries and items of the world.
    public var leaves = 0, queries = 0, items = 0
    /// Valid events written (injected bad lines not counted).
    public var events = 0
    /// Valid events per day, in day order.
    public var eventsPerDay: [Int] = []
    /// Injected bad lines (all kinds, kept ones included).
    public var badLines = 0
    /// Event files written (`.jsonl` and `.jsonl.zst`, all days).
    public var files = 0
    /// Bytes of the event files as written (compressed where compressed).
    public var eventBytes: Int64 = 0
    /// Bytes of `dims/*.jsonl`.
    public var dimensionBytes: Int64 = 0
    /// Bytes of the truth files.
    public var truthBytes: Int64 = 0
    /// The raw folder.
    public var rawFolder = ""
    /// The truth folder, if written.
    public var truthFolder: String?

    /// An empty report.
    public init() {}

    /// The report of `plan` before anything is written.
    init(plan: GenerationPlan) {
        days = plan.days.map(\.description)
        users = plan.users
        leaves = plan.world.tree.leaves.count
        queries = plan.world.queries.texts.count
        items = plan.world.items.ids.count
        rawFolder = plan.options.rawFolder
        truthFolder = plan.options.truthFolder
        eventsPerDay = Array(repeating: 0, count: plan.days.count)
    }
}

/// Progress of a running generation, reported after each batch of users.
public struct GeneratorProgress: Sendable {
    /// Users done and in total.
    public var usersDone: Int, usersTotal: Int
    /// Valid events so far.
    public var events: Int
}
