import Foundation

/// Draws ranks `0..<count` with probability proportional to `1 / (rank + 1)^exponent`, by binary
/// search in a precomputed cumulative table (count doubles of memory).
struct ZipfSampler: Sendable {
    private let cdf: [Double]

    /// A sampler over `count` ranks (`count` ≥ 1) with the given exponent (about 1 for real logs).
    init(count: Int, exponent: Double) {
        precondition(count >= 1, "a Zipf sampler needs at least one rank")
        var sums = [Double]()
        sums.reserveCapacity(count)
        var total = 0.0
        for k in 1...count {
            total += 1 / pow(Double(k), exponent)
            sums.append(total)
        }
        cdf = sums.map { $0 / total }
    }

    /// The rank drawn for a uniform `u` in `[0, 1)`.
    func rank(_ u: Double) -> Int {
        var lo = 0
        var hi = cdf.count - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            if cdf[mid] > u { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
