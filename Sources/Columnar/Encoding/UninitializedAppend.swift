/// Appending to arrays without zero-filling first: every decoder writes its output straight into
/// the spare capacity of the caller's array, which grows geometrically (so page-by-page decoding
/// never degrades into quadratic copying as repeated `reserveCapacity` calls can).

#if !_endian(little)
#error("Columnar's encodings assume a little-endian host")
#endif

extension Array where Element: BitwiseCopyable {
    /// Appends `count` elements that `body` writes into the buffer it is given (exactly `count` long).
    ///
    /// `body` must write every element unless it throws; if it throws, the array is left as it was.
    @inline(__always)
    mutating func appendUninitialized<E: Error>(
        count: Int, _ body: (UnsafeMutableBufferPointer<Element>) throws(E) -> Void
    ) throws(E) {
        guard count > 0 else { return }
        var failure: E?
        withoutActuallyEscaping({ (buffer: UnsafeMutableBufferPointer<Element>) in
            do throws(E) { try body(buffer) } catch { failure = error }
        }) { fill in
            append(contentsOf: UninitializedFill(count: count, fill: fill))
        }
        if let failure {
            removeLast(count)
            throw failure
        }
    }

    /// Makes room for `additional` more elements, growing geometrically.
    @inline(__always)
    mutating func reserveAdditional(_ additional: Int) {
        let needed = count + additional
        if needed > capacity { reserveCapacity(Swift.max(needed, capacity * 2)) }
    }
}

/// A sequence whose only job is to hand `Array.append(contentsOf:)` a fill function for the
/// uninitialized tail, via the `_copyContents` customisation point.
private struct UninitializedFill<Element>: Sequence {
    let count: Int
    let fill: (UnsafeMutableBufferPointer<Element>) -> Void

    var underestimatedCount: Int { count }

    func makeIterator() -> EmptyCollection<Element>.Iterator { EmptyCollection<Element>.Iterator() }

    func _copyContents(
        initializing buffer: UnsafeMutableBufferPointer<Element>
    ) -> (EmptyCollection<Element>.Iterator, Int) {
        precondition(buffer.count >= count, "Array.append gave less room than underestimatedCount")
        fill(UnsafeMutableBufferPointer(rebasing: buffer[0..<count]))
        return (EmptyCollection<Element>.Iterator(), count)
    }
}

extension ByteWriter {
    /// Appends `count` bytes that `body` writes in place.
    @inline(__always)
    mutating func appendUninitialized(count: Int, _ body: (UnsafeMutableRawPointer) -> Void) {
        bytes.appendUninitialized(count: count) { buffer in
            if let base = buffer.baseAddress { body(UnsafeMutableRawPointer(base)) }
        }
    }

    /// Appends the raw bytes of `buffer`.
    @inline(__always)
    mutating func append(raw buffer: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: buffer)
    }
}
