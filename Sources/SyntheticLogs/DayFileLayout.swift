/// The event files of one day and how each is written: a random name (so name order means nothing),
/// zstd or not, CRLF or LF line ends, compact or spaced JSON, and whether the last line lacks its
/// line end (plain files only). Fixed per (seed, day index, file index).
struct DayFileLayout: Sendable {
    /// One file.
    struct File: Sendable {
        /// The file name (`part-<8 hex>.jsonl` or `.jsonl.zst`).
        let name: String
        /// Whether the file is zstd-compressed (a sequence of frames, one per user chunk).
        let zstd: Bool
        /// Whether lines end in `\r\n`.
        let crlf: Bool
        /// Whether JSON separators carry a space.
        let spaced: Bool
        /// Whether the final line end is left out.
        let unterminated: Bool
    }

    /// The files, in writing order.
    let files: [File]

    /// The layout of day `dayIndex`.
    init(seed: UInt64, dayIndex: Int, count: Int, zstd: Bool) {
        var rng = SplitMix64(seed: SplitMix64.derive(seed, SyntheticWorld.Stream.names | UInt64(dayIndex)))
        var names = Set<String>()
        var files: [File] = []
        for i in 0..<count {
            var hex: String
            repeat {
                hex = String(rng.next() >> 32, radix: 16)
                hex = String(repeating: "0", count: 8 - hex.count) + hex
            } while !names.insert(hex).inserted
            let compressed = zstd && (count == 1 || i % 2 == 1)
            files.append(File(
                name: "part-\(hex).jsonl" + (compressed ? ".zst" : ""), zstd: compressed,
                crlf: (i + dayIndex) % 3 == 1, spaced: (i + dayIndex) % 2 == 0,
                unterminated: !compressed && (i + dayIndex) % 4 == 3))
        }
        self.files = files
    }
}
