import Dispatch

/// Results written by concurrent workers into distinct slots.
private final class SlotBox<T>: @unchecked Sendable {
    var slots: [T?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
}

/// Runs `body(i)` for `i` in `0..<count` on up to `threads` threads and returns the results in order.
///
/// With one thread (or one item) everything runs on the caller's thread. The first error thrown
/// (lowest index) is rethrown after all work has finished.
package func parallelMap<T>(_ count: Int, threads: Int, _ body: (Int) throws -> T) throws -> [T] {
    if threads <= 1 || count <= 1 {
        return try (0..<count).map(body)
    }
    let box = SlotBox<Result<T, any Error>>(count: count)
    let next = AtomicCounter()
    withoutActuallyEscaping(body) { body in
        let unsafeBody = UnsafeSendable(body)
        DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
            while true {
                let i = next.increment()
                if i >= count { break }
                let result = Result { try unsafeBody.value(i) }
                box.slots[i] = result  // distinct index per worker
            }
        }
    }
    return try box.slots.map { slot in
        guard let slot else { preconditionFailure("parallelMap: a slot was not filled") }
        return try slot.get()
    }
}

/// Wraps a value that is only used in a way the compiler cannot prove safe (distinct indices).
package struct UnsafeSendable<T>: @unchecked Sendable {
    package let value: T
    package init(_ value: T) { self.value = value }
}

/// A lock-protected counter handing out work indices.
package final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLockLite()
    package init() {}
    /// Returns the current value and adds one.
    package func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        let v = value
        value += 1
        return v
    }
}
