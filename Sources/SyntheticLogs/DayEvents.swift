/// The simulated events of one day for a group of users, in generation order (user by user, each
/// user's events in time order), with the logged ranker candidates of the day's exposures.
struct DayEvents: Sendable {
    /// The events.
    var events: [SimEvent] = []
    /// Candidate query indices of all exposures (each exposure owns a range).
    var candidateQueries: [Int32] = []
    /// Candidate ranker scores in units of 1e-4, parallel to ``candidateQueries``.
    var candidateScores: [Int32] = []
}
