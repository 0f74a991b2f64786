import Columnar
import Foundation
import Stages

/// The events of one benchmark user for one day, drawn from a generator seeded by the user id (so
/// a bucket's users can be made without the others), in the `events` schema of the ingest stage.
///
/// The mix of kinds is ``EventKind``'s (29 % hint exposures, 4 % hint clicks, 12 % searches,
/// 30 % item clicks, …). An exposure logs 10 distinct candidates (Zipf over the query vocabulary),
/// shows the first 3; a hint click takes one of the shown 3 of the user's latest exposure, and
/// three times in four a `search` (source `hint`) of the same query follows 1–10 s later. Times
/// increase strictly within a user, inside the day.
struct SessionsEventGenerator {
    /// The shared draws (vocabulary and Zipf tables).
    struct Tables: Sendable {
        let vocabulary: QueryVocabulary
        let queryRanks: ZipfSampler
        let itemRanks: ZipfSampler
        let seed: UInt64
    }

    /// Candidates logged per exposure.
    static let loggedCandidates = 10
    /// Candidates shown per exposure.
    static let shownCandidates = 3

    /// Appends `count` events of `user` on the day starting at `dayStart` to `out` (``DatasetSchemas/events``).
    static func append(user: Int64, count: Int, dayStart: Int64, tables: Tables, to out: inout BatchBuilder) {
        var rng = SplitMix64(seed: SplitMix64.mix(tables.seed ^ UInt64(bitPattern: user)))
        let dayEnd = dayStart + 86_400_000
        var t = dayStart + Int64(rng.unit() * 86_400_000 * 0.8)
        var made = 0
        var exposures = 0
        var lastExposure: (id: String, shown: [String])? = nil
        var lastSearch: String? = nil

        func emit(_ ts: Int64, _ type: EventKind, query: String? = nil, item: Int64? = nil, exposure: String? = nil,
                  candidates: [String]? = nil, source: String? = nil) {
            out[0].append(int64: user)
            out[1].append(int64: ts)
            out[2].append(string: type.name)
            out[3].append(optionalString: query)
            out[4].append(optionalInt64: item)
            out[5].append(optionalString: exposure)
            out[6].append(optionalInt32: candidates == nil ? nil : Int32(shownCandidates))
            if let candidates {
                out[7].append(strings: candidates)
                out[8].append(doubles: candidates.indices.map { 1.0 - Double($0) * 0.05 })
            } else {
                out[7].appendNull()
                out[8].appendNull()
            }
            out[9].append(optionalString: source)
            out[10].append(optionalDouble: type == .purchase ? Double(99 + (item ?? 0) % 50_000) / 100 : nil)
            made += 1
        }
        func query(_ rng: inout SplitMix64) -> String {
            String(decoding: tables.vocabulary.queries[tables.queryRanks.rank(rng.unit())], as: UTF8.self)
        }

        while made < count {
            t += max(1, Int64(-log1p(-rng.unit()) * 45_000))
            guard t < dayEnd else { break }
            var kind = EventKind.byPercentile[rng.below(100)]
            if kind == .hintClick && lastExposure == nil { kind = .search }
            switch kind {
            case .hintExposure:
                var candidates: [String] = []
                for _ in 0..<(loggedCandidates * 3) where candidates.count < loggedCandidates {
                    let q = query(&rng)
                    if !candidates.contains(q) { candidates.append(q) }
                }
                let id = "\(user)-\(exposures)"
                exposures += 1
                lastExposure = (id, Array(candidates.prefix(shownCandidates)))
                emit(t, kind, exposure: id, candidates: candidates)
            case .hintClick:
                guard let exposure = lastExposure else { break }
                let q = exposure.shown[rng.below(exposure.shown.count)]
                emit(t, kind, query: q, exposure: exposure.id)
                if rng.below(4) < 3, made < count {
                    t += 1000 + Int64(rng.below(9000))
                    guard t < dayEnd else { break }
                    emit(t, .search, query: q, source: "hint")
                    lastSearch = q
                }
            case .search:
                let q = query(&rng)
                emit(t, kind, query: q, source: "typed")
                lastSearch = q
            case .itemClick, .addToCart, .purchase:
                let item = 10_000_000 + Int64(tables.itemRanks.rank(rng.unit()))
                emit(t, kind, query: kind == .itemClick ? lastSearch : nil, item: item)
            case .appOpen, .appExit:
                emit(t, kind)
            }
        }
    }
}
