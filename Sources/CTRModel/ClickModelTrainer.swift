import Dispatch
import Foundation

/// Fits a ``ClickModel`` by Newton's method (iteratively reweighted least squares) on the whole
/// batch, with L2 on the weights (not the intercept) and a backtracking line search.
///
/// Objective, over n rows with standardised features z and labels y ∈ {0, 1}:
/// `f(w, b) = (1/n) Σ_r [log(1 + e^{s_r}) - y_r s_r] + (l2/2) ‖w‖²`, `s_r = b + w·z_r`.
/// Each iteration solves `H Δ = g` (gradient g, Hessian H = Zᵀ diag(p(1-p)) Z / n + l2·I) by
/// Cholesky. Sums run over fixed chunks of rows, added in chunk order, so the result is the same
/// bytes whatever the number of threads. No randomness: same rows ⇒ same model.
public enum ClickModelTrainer {
    /// Training settings.
    public struct Options: Sendable, Equatable {
        /// L2 penalty on the standardised weights (per row: the loss is a mean).
        public var l2: Double = 1e-4
        /// Newton iterations at most.
        public var iterations: Int = 30
        /// Stop when an iteration lowers the objective by less than this (relative).
        public var tolerance: Double = 1e-9
        /// Threads for the sums (the result does not depend on it).
        public var threads: Int = 1

        /// The defaults.
        public init() {}
    }

    /// How a fit went.
    public struct Summary: Sendable, Equatable {
        /// Newton iterations run.
        public var iterations: Int
        /// The objective at the end (mean log-loss + L2 term).
        public var objective: Double
        /// Whether it stopped by the tolerance rather than the iteration limit.
        public var converged: Bool
    }

    /// Rows per chunk of the sums.
    static let chunkRows = 4096

    /// Fits a model of `features` to rows `x` (raw features) and `labels`; `initial` (a model of the
    /// same features) is the starting point when given (warm start), else all weights are 0 and the
    /// intercept is the log-odds of the base rate.
    public static func train(
        features: [String], x: FeatureMatrix, labels: [Bool], options: Options = Options(), initial: ClickModel? = nil,
        metadata: [String: Double] = [:]
    ) throws -> (model: ClickModel, summary: Summary) {
        let d = features.count, n = x.rowCount
        guard x.columnCount == d else {
            throw ClickModelError(.invalidArgument, "rows of \(x.columnCount) features for \(d) feature names; give one name per column")
        }
        guard labels.count == n else { throw ClickModelError(.invalidArgument, "\(n) rows but \(labels.count) labels; give one label per row") }
        guard n > 0 else { throw ClickModelError(.invalidArgument, "no training rows; a click model needs at least one exposure") }
        guard options.l2 >= 0, options.l2.isFinite else { throw ClickModelError(.invalidArgument, "l2 is \(options.l2); use 0 or more") }
        guard options.iterations >= 1 else { throw ClickModelError(.invalidArgument, "iterations is \(options.iterations); use 1 or more") }
        if let bad = x.values.firstIndex(where: { !$0.isFinite }) {
            throw ClickModelError(.invalidArgument, "feature '\(features[bad % d])' of row \(bad / d) is \(x.values[bad]); features must be finite numbers")
        }
        if let initial, initial.features != features {
            throw ClickModelError(.invalidArgument, "the initial model has features \(initial.features), not \(features); start from scratch or from a model of the same features")
        }

        let scaling = FeatureScaling(fitting: x)
        let z = scaling.apply(x)
        let y = labels.map { $0 ? 1.0 : 0.0 }
        // Parameters θ = (w_0 … w_{d-1}, b): the intercept last.
        var theta = [Double](repeating: 0, count: d + 1)
        if let initial {
            // The initial model in raw terms, re-expressed on this scaling.
            var b = initial.bias
            for c in 0..<d {
                let raw = initial.weights[c] / initial.scaling.scale[c]
                b -= raw * initial.scaling.mean[c]
                theta[c] = raw * scaling.scale[c]
                b += raw * scaling.mean[c]
            }
            theta[d] = b
        } else {
            let clicks = y.reduce(0, +)
            let rate = min(max(clicks / Double(n), 1e-6), 1 - 1e-6)
            theta[d] = log(rate / (1 - rate))
        }

        let problem = Problem(z: z, y: y, l2: options.l2, threads: max(1, options.threads))
        var current = problem.evaluate(theta, derivatives: true)
        var iterations = 0
        var converged = false
        while iterations < options.iterations {
            iterations += 1
            guard let step = Cholesky.solve(current.hessian, current.gradient, size: d + 1) else { break }
            var t = 1.0
            var accepted: (theta: [Double], value: Double)? = nil
            for _ in 0..<30 {
                let trial = zip(theta, step).map { $0 - t * $1 }
                let value = problem.evaluate(trial, derivatives: false).value
                if value <= current.value { accepted = (trial, value); break }
                t /= 2
            }
            guard let accepted else { converged = true; break }  // no descent left: at the optimum up to rounding
            let gain = current.value - accepted.value
            theta = accepted.theta
            current = problem.evaluate(theta, derivatives: true)
            if gain <= options.tolerance * max(1, abs(current.value)) {
                converged = true
                break
            }
        }
        let model = try ClickModel(
            features: features, scaling: scaling, weights: Array(theta[0..<d]), bias: theta[d], metadata: metadata)
        return (model, Summary(iterations: iterations, objective: current.value, converged: converged))
    }
}

/// The objective of ``ClickModelTrainer`` over fixed data, evaluated in deterministic chunks.
private struct Problem {
    let z: FeatureMatrix
    let y: [Double]
    let l2: Double
    let threads: Int

    struct Evaluation {
        var value: Double
        var gradient: [Double]
        /// Row-major (d+1)², both triangles filled.
        var hessian: [Double]
    }

    /// The objective at `theta`, with its gradient and Hessian when `derivatives`.
    func evaluate(_ theta: [Double], derivatives: Bool) -> Evaluation {
        let d = z.columnCount, n = z.rowCount, m = d + 1
        let chunks = (n + ClickModelTrainer.chunkRows - 1) / ClickModelTrainer.chunkRows
        let parts = ChunkSums(count: chunks, width: derivatives ? 1 + m + m * m : 1)
        z.values.withUnsafeBufferPointer { zv in
            y.withUnsafeBufferPointer { yv in
                theta.withUnsafeBufferPointer { th in
                    let body = { (chunk: Int) in
                        let start = chunk * ClickModelTrainer.chunkRows
                        let end = min(n, start + ClickModelTrainer.chunkRows)
                        parts.fill(chunk) { acc in
                            var loss = 0.0
                            let row = UnsafeMutablePointer<Double>.allocate(capacity: m)  // (z_r, 1)
                            defer { row.deallocate() }
                            row[d] = 1
                            let gradient = acc.baseAddress! + 1, hessian = acc.baseAddress! + 1 + m
                            for r in start..<end {
                                var s = th[d]
                                let zr = zv.baseAddress! + r * d
                                for c in 0..<d {
                                    row[c] = zr[c]
                                    s += th[c] * zr[c]
                                }
                                // log(1 + e^s) without overflow.
                                loss += (s > 0 ? s + log1p(exp(-s)) : log1p(exp(s))) - yv[r] * s
                                guard derivatives else { continue }
                                let p = ClickModel.sigmoid(s)
                                let residual = p - yv[r]
                                let h = p * (1 - p)
                                for i in 0..<m {
                                    gradient[i] += residual * row[i]
                                    let a = h * row[i]
                                    let line = hessian + i * m
                                    for j in i..<m { line[j] += a * row[j] }
                                }
                            }
                            acc[0] = loss
                        }
                    }
                    if threads > 1 && chunks > 1 {
                        // Workers take chunks from a shared counter; each chunk writes only its own slot.
                        let work = UncheckedSendable(body)
                        let next = ChunkCounter()
                        DispatchQueue.concurrentPerform(iterations: min(threads, chunks)) { _ in
                            while true {
                                let chunk = next.take()
                                if chunk >= chunks { break }
                                work.value(chunk)
                            }
                        }
                    } else {
                        for chunk in 0..<chunks { body(chunk) }
                    }
                }
            }
        }
        let total = parts.total()
        var value = total[0] / Double(n)
        for c in 0..<d { value += 0.5 * l2 * theta[c] * theta[c] }
        guard derivatives else { return Evaluation(value: value, gradient: [], hessian: []) }
        var gradient = (0..<m).map { total[1 + $0] / Double(n) }
        var hessian = [Double](repeating: 0, count: m * m)
        for i in 0..<m {
            for j in i..<m {
                let v = total[1 + m + i * m + j] / Double(n)
                hessian[i * m + j] = v
                hessian[j * m + i] = v
            }
        }
        for c in 0..<d {
            gradient[c] += l2 * theta[c]
            hessian[c * m + c] += l2
        }
        return Evaluation(value: value, gradient: gradient, hessian: hessian)
    }
}

/// Per-chunk partial sums, written by distinct workers into distinct slots and added in chunk order.
private final class ChunkSums: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Double>
    private let width: Int
    private let count: Int

    init(count: Int, width: Int) {
        self.count = count
        self.width = width
        storage = .allocate(capacity: max(1, count * width))
        storage.initialize(repeating: 0, count: max(1, count * width))
    }

    deinit { storage.deallocate() }

    /// Lets `body` accumulate into chunk `chunk`'s slot (each chunk is filled by one worker only).
    func fill(_ chunk: Int, _ body: (UnsafeMutableBufferPointer<Double>) -> Void) {
        body(UnsafeMutableBufferPointer(start: storage + chunk * width, count: width))
    }

    /// The sum of every chunk's slot, added in chunk order.
    func total() -> [Double] {
        var out = [Double](repeating: 0, count: width)
        for chunk in 0..<count { for k in 0..<width { out[k] += storage[chunk * width + k] } }
        return out
    }
}

/// A value handed to worker threads that only use it in ways the compiler cannot check (distinct
/// chunks, read-only buffers).
private struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Hands out chunk numbers 0, 1, 2, … to workers.
private final class ChunkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        next += 1
        return next - 1
    }
}

/// Solves a small symmetric positive-definite system.
enum Cholesky {
    /// `x` with `a x = b` for the row-major `size`×`size` matrix `a`, or `nil` when `a` is not
    /// positive definite even after a tiny ridge.
    static func solve(_ a: [Double], _ b: [Double], size n: Int) -> [Double]? {
        for ridge in [0.0, 1e-10, 1e-8, 1e-6] {
            var l = [Double](repeating: 0, count: n * n)
            var ok = true
            outer: for i in 0..<n {
                for j in 0...i {
                    var s = a[i * n + j] + (i == j ? ridge : 0)
                    for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                    if i == j {
                        guard s > 0, s.isFinite else { ok = false; break outer }
                        l[i * n + i] = s.squareRoot()
                    } else {
                        l[i * n + j] = s / l[j * n + j]
                    }
                }
            }
            guard ok else { continue }
            var y = [Double](repeating: 0, count: n)
            for i in 0..<n {
                var s = b[i]
                for k in 0..<i { s -= l[i * n + k] * y[k] }
                y[i] = s / l[i * n + i]
            }
            var x = [Double](repeating: 0, count: n)
            for i in stride(from: n - 1, through: 0, by: -1) {
                var s = y[i]
                for k in (i + 1)..<n { s -= l[k * n + i] * x[k] }
                x[i] = s / l[i * n + i]
            }
            return x
        }
        return nil
    }
}
