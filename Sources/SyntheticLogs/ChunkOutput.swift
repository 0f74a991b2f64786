/// What one chunk of users contributes to every output file, in the order it is appended.
struct ChunkOutput: Sendable {
    /// The lines a chunk adds to one event file.
    struct Piece: Sendable {
        /// The bytes to append (one zstd frame for a compressed file).
        var bytes: [UInt8] = []
        /// Lines in the piece (blank and bad lines included).
        var lines = 0
        /// Injected bad lines: 0-based line index within the piece, kind.
        var bad: [(line: Int, kind: BadLineKind)] = []
    }

    /// `pieces[day][file]`.
    var pieces: [[Piece]]
    /// Valid events per day.
    var events: [Int]
    /// `oracle.jsonl` lines per day.
    var oracle: [[UInt8]]
    /// `interests.jsonl` lines per day.
    var interests: [[UInt8]]
    /// `users.jsonl` lines.
    var users: [UInt8] = []
}
