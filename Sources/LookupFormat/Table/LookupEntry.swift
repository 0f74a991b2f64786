/// One query of a lookup list: the query text and the score it was ranked by (best first).
public struct LookupEntry: Hashable, Sendable, Codable {
    /// The normalised query.
    public var query: String
    /// The producer's score (popularity count, co-occurrence count, model log-probability, …):
    /// comparable only within one table version.
    public var score: Double

    /// Creates an entry.
    public init(query: String, score: Double) {
        self.query = query
        self.score = score
    }
}
