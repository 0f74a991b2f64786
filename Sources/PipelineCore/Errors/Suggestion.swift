/// "Did you mean …?" hints: the closest known name by edit distance.
enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    ///
    /// A candidate qualifies when it equals `word` ignoring case, or when its Levenshtein distance is at
    /// most 2, or at most a third of `word`'s length; ties go to the earlier candidate.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        var best: (name: String, distance: Int)?
        let lowered = word.lowercased()
        for candidate in candidates where candidate != word {
            if candidate.lowercased() == lowered { return candidate }
            let distance = levenshtein(word, candidate)
            let limit = max(2, word.count / 3)
            guard distance <= limit, distance < max(word.count, candidate.count) else { continue }
            if best == nil || distance < best!.distance {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// `"; did you mean 'x'?"` when a close candidate exists, else `""`.
    static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
        closest(to: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Edit distance (insertions, deletions, substitutions) between two strings, over characters.
    static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// `'a', 'b' and 'c'` — a quoted, human list.
    static func quotedList(_ names: [String]) -> String {
        let quoted = names.map { "'\($0)'" }
        switch quoted.count {
        case 0: return "none"
        case 1: return quoted[0]
        default: return quoted.dropLast().joined(separator: ", ") + " and " + quoted[quoted.count - 1]
        }
    }
}
