// The one owner of threads in the kernels.
//
// Decision: the kernels run their own workers (Dispatch `concurrentPerform`) and OpenBLAS runs
// single-threaded (`openblas_set_num_threads(1)`, set by `BLAS` before its first call). Never both:
// a threaded BLAS called from several workers would oversubscribe the cores. Owning the threads
// lets every loop, GEMM or not, be split the same way (rows for activations, output columns for
// weight gradients), and makes results independent of the thread count wherever a sum is not split.
import Dispatch
import Foundation
import Synchronization

/// The worker count every kernel splits its work over, and the helpers that split it.
///
/// ```swift
/// Workers.count = 2          // before training; defaults to the machine's core count
/// ```
public enum Workers {
    private static let configured = Atomic<Int>(0)

    /// How many workers the kernels use (at least 1). Defaults to `AIGQ_THREADS` or the active core count.
    public static var count: Int {
        get {
            let value = configured.load(ordering: .relaxed)
            if value > 0 { return value }
            let fallback = defaultCount()
            configured.store(fallback, ordering: .relaxed)
            return fallback
        }
        set { configured.store(max(1, newValue), ordering: .relaxed) }
    }

    private static func defaultCount() -> Int {
        if let text = ProcessInfo.processInfo.environment["AIGQ_THREADS"], let value = Int(text), value > 0 {
            return value
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Runs `body` over `0..<count` split into at most `Workers.count` contiguous ranges of at least
    /// `minimumPerWorker` items; ranges run in parallel, each once. Runs inline when one range suffices.
    public static func forEachRange(_ total: Int, minimumPerWorker: Int = 1, _ body: (Range<Int>) -> Void) {
        if total <= 0 { return }
        let parts = Swift.min(count, Swift.max(1, total / Swift.max(1, minimumPerWorker)))
        if parts == 1 {
            body(0..<total)
            return
        }
        withoutActuallyEscaping(body) { body in
            // The ranges are disjoint; callers' closures write disjoint parts of their buffers.
            let shared = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let start = total * part / parts
                let end = total * (part + 1) / parts
                if start < end { shared.value(start..<end) }
            }
        }
    }

    /// Runs `body(i)` for every `i` in `0..<total`, in contiguous ranges, one per worker.
    public static func forEach(_ total: Int, _ body: (Int) -> Void) {
        forEachRange(total) { range in
            for index in range { body(index) }
        }
    }
}

/// Carries a closure over raw buffers into Dispatch's `@Sendable` worker closure.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
