import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): the generator's only source of randomness. It yields the
/// same numbers on every platform and Swift version, so `aigq gen` output is byte-for-byte reproducible.
///
/// Every independent stream (a user's life, a chunk's file layout, the injected bad lines) starts from
/// its own seed derived with ``SplitMix64/derive(_:_:)``, so changing one option never shifts the
/// numbers another part of the output draws.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator started from `seed`.
    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    @inline(__always)
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.finalize(state)
    }

    /// A double uniform in `[0, 1)` (53 random bits).
    @inline(__always)
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// An integer uniform in `0..<bound` (`bound` ≥ 1; Lemire's multiply-shift, bias below 2⁻³²).
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        Int((UInt64(truncatingIfNeeded: UInt32(truncatingIfNeeded: next() >> 32)) &* UInt64(bound)) >> 32)
    }

    /// An integer uniform in `range`.
    @inline(__always)
    mutating func int(in range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// True with probability `p`.
    @inline(__always)
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A double uniform in `[lo, hi)`.
    @inline(__always)
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * unit() }

    /// A standard normal draw (Box–Muller, one of the pair).
    mutating func normal() -> Double {
        let u1 = max(unit(), 0x1.0p-53)
        let u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// The SplitMix64 finaliser: a bijective, well-mixed hash of `x`.
    @inline(__always)
    static func finalize(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The seed of sub-stream `stream` of `seed` (e.g. one user's life, one chunk's layout).
    @inline(__always)
    static func derive(_ seed: UInt64, _ stream: UInt64) -> UInt64 {
        finalize(finalize(seed &+ 0x632B_E59B_D9B4_E019) ^ (stream &* 0x9E37_79B9_7F4A_7C15))
    }
}
