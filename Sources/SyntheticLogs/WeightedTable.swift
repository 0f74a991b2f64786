import Foundation

/// Draws an index `0..<count` with probability proportional to fixed weights, by binary search in the
/// cumulative table (one double per index).
struct WeightedTable: Sendable {
    private let cumulative: [Double]

    /// A table over `weights` (non-negative, at least one positive).
    init(_ weights: [Double]) {
        precondition(!weights.isEmpty, "a weighted table needs at least one weight")
        var sums = [Double]()
        sums.reserveCapacity(weights.count)
        var total = 0.0
        for w in weights {
            total += max(w, 0)
            sums.append(total)
        }
        precondition(total > 0, "a weighted table needs a positive weight")
        cumulative = sums.map { $0 / total }
    }

    /// A Zipf table: weight `1 / (rank + 1)^exponent` for ranks `0..<count`.
    static func zipf(count: Int, exponent: Double) -> WeightedTable {
        WeightedTable(zipfWeights(count: count, exponent: exponent))
    }

    /// The Zipf weights `1 / (rank + 1)^exponent`, normalised to sum to one.
    static func zipfWeights(count: Int, exponent: Double) -> [Double] {
        let raw = (0..<count).map { 1 / pow(Double($0 + 1), exponent) }
        let total = raw.reduce(0, +)
        return raw.map { $0 / total }
    }

    /// The number of indices.
    var count: Int { cumulative.count }

    /// The index drawn by `rng`.
    @inline(__always)
    func draw(_ rng: inout SplitMix64) -> Int { index(at: rng.unit()) }

    /// The index of the uniform `u` in `[0, 1)`.
    func index(at u: Double) -> Int {
        var lo = 0
        var hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
