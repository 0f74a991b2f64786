// Owned, zero-initialised float memory: parameters, gradients, moments, activations, caches.

/// A fixed-size block of floats that frees itself.
public final class FloatBuffer {
    /// The floats.
    public let pointer: UnsafeMutableBufferPointer<Float>

    /// `count` zeros.
    public init(count: Int) {
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0)
    }

    deinit { pointer.deallocate() }

    /// The number of floats (at least 1, even for an empty request).
    public var count: Int { pointer.count }

    /// The first float.
    public var base: UnsafeMutablePointer<Float> {
        // allocate(capacity: ≥ 1) never yields a nil base address.
        pointer.baseAddress.unsafelyUnwrapped
    }

    /// Sets every float to zero.
    public func zero() { pointer.update(repeating: 0) }
}
