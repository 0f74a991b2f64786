import CSimdJSON
import Foundation

/// A growable byte buffer whose bytes are always followed by `AIGQ_JSON_PADDING` readable bytes, as
/// simdjson requires of the text it parses. Owned by one thread at a time.
final class ChunkBuffer: @unchecked Sendable {
    /// The bytes (`count` of them, then padding).
    private(set) var base: UnsafeMutablePointer<UInt8>
    /// Bytes in use.
    var count = 0
    /// Bytes that fit before the padding.
    private(set) var capacity: Int

    static let padding = Int(AIGQ_JSON_PADDING)

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int) {
        self.capacity = max(capacity, 4096)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity + Self.padding)
        base.initialize(repeating: 0, count: self.capacity + Self.padding)
    }

    deinit { base.deallocate() }

    /// Makes room for at least `needed` bytes in all (keeping the bytes in use).
    func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        let bigger = max(needed, capacity * 2)
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger + Self.padding)
        fresh.initialize(repeating: 0, count: bigger + Self.padding)
        fresh.update(from: base, count: count)
        base.deallocate()
        base = fresh
        capacity = bigger
    }

    /// Appends `bytes`.
    func append(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        reserve(count + bytes.count)
        UnsafeMutableRawPointer(base + count).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        count += bytes.count
    }

    /// The free space after the bytes in use (to read into; then add to ``count``).
    var spare: UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(start: base + count, count: capacity - count)
    }

    /// The bytes in use.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}
