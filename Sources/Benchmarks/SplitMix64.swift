/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seedable generator that yields the same numbers on
/// every platform and Swift version, so benchmark inputs are byte-for-byte reproducible.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator started from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double uniform in `[0, 1)` (53 random bits).
    @inline(__always)
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// An integer uniform in `0..<bound` (`bound` ≥ 1; the modulo bias is below 2⁻⁴⁰ for our bounds).
    @inline(__always)
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// The finaliser alone: a fixed, well-mixed hash of `x` (used to derive per-item attributes).
    @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
