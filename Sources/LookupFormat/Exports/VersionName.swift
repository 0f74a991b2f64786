/// The name of a table version: `<day>-<first 12 hex digits of the table's SHA-256>`,
/// e.g. `2026-11-23-0123456789ab`. Names sort by day, so the day of a version is visible in it.
public struct VersionName: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The day the version was built from, `YYYY-MM-DD`.
    public var day: String
    /// The first 12 hex digits of the content hash.
    public var hash: String

    /// The version of `day` for content with SHA-256 `sha256Hex` (64 hex digits, or at least 12).
    public init(day: String, sha256Hex: String) {
        self.day = day
        self.hash = String(sha256Hex.prefix(12))
    }

    /// Parses `2026-11-23-0123456789ab`; `nil` for anything else (so a name is always safe to use as
    /// a folder name).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 23 else { return nil }
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        let isHex = { (b: UInt8) in isDigit(b) || (b >= 0x61 && b <= 0x66) }
        for (i, b) in bytes.enumerated() {
            switch i {
            case 4, 7, 10: guard b == 0x2D else { return nil }
            case 0..<10: guard isDigit(b) else { return nil }
            default: guard isHex(b) else { return nil }
            }
        }
        self.day = String(text.prefix(10))
        self.hash = String(text.suffix(12))
    }

    /// `day-hash`.
    public var description: String { "\(day)-\(hash)" }

    /// Orders by day, then hash.
    public static func < (lhs: VersionName, rhs: VersionName) -> Bool {
        (lhs.day, lhs.hash) < (rhs.day, rhs.hash)
    }
}
