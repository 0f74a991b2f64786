/// The stable hash that assigns a user to a bucket of a user-keyed dataset.
///
/// `bucket = splitmix64(UInt64(bitPattern: user)) % buckets`: the same on every machine and
/// release (changing it would move every user's shard), and well spread for sequential ids.
public enum UserBucketing {
    /// The bucket of `user` among `buckets` buckets.
    @inline(__always)
    public static func bucket(of user: Int64, buckets: Int) -> Int {
        precondition(buckets > 0, "buckets must be positive")
        var z = UInt64(bitPattern: user) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(buckets))
    }
}
