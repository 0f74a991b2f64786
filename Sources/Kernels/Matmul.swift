// Fully connected layer on OpenBLAS sgemm, with a naive reference beside it (as llm.c keeps
// `matmul_forward_naive`): the tests hold the two against each other and against NumPy.
//
// Shapes: N = rows (B·T), C = input channels, OC = output channels.
// Weights are stored (OC, C), as PyTorch's nn.Linear: out = inp · weightᵀ + bias.

/// `out = inp · weightᵀ + bias`.
public enum Matmul {
    /// Forward pass on sgemm, rows split among the workers (one large GEMM per worker: training's path).
    /// - Parameters:
    ///   - out: `(N, OC)`, written.
    ///   - inp: `(N, C)`.
    ///   - weight: `(OC, C)`.
    ///   - bias: `(OC)` or `nil`.
    public static func forward(
        out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>,
        weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
        N: Int, C: Int, OC: Int
    ) {
        Workers.forEachRange(N, minimumPerWorker: 16) { rows in
            gemmRows(
                out: out + rows.lowerBound * OC, inp: inp + rows.lowerBound * C, weight: weight, bias: bias,
                M: rows.count, C: C, OC: OC)
        }
    }

    /// The rows per sgemm call of `forwardRowInvariant`.
    public static let invariantBlock = 64

    /// Forward pass whose every row is bitwise independent of N, of the row's place and of the worker
    /// count: generation's path, so a sequence's tokens do not depend on its batch.
    ///
    /// OpenBLAS picks its kernels by shape, and rows at the edge of a GEMM (an odd last row, a small M) go
    /// through other code than rows inside it. Here every sgemm call has exactly `invariantBlock` rows
    /// (the last block padded in a scratch copy), so every row lies in a full block of one fixed shape.
    /// Same arguments as `forward`.
    public static func forwardRowInvariant(
        out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>,
        weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
        N: Int, C: Int, OC: Int
    ) {
        let G = invariantBlock
        let blocks = (N + G - 1) / G
        Workers.forEachRange(blocks) { range in
            for block in range {
                let first = block * G
                let rows = Swift.min(G, N - first)
                if rows == G {
                    gemmRows(out: out + first * OC, inp: inp + first * C, weight: weight, bias: bias, M: G, C: C, OC: OC)
                    continue
                }
                let paddedInput = UnsafeMutablePointer<Float>.allocate(capacity: G * C)
                let paddedOutput = UnsafeMutablePointer<Float>.allocate(capacity: G * OC)
                defer {
                    paddedInput.deallocate()
                    paddedOutput.deallocate()
                }
                paddedInput.update(from: inp + first * C, count: rows * C)
                (paddedInput + rows * C).update(repeating: 0, count: (G - rows) * C)
                gemmRows(out: paddedOutput, inp: paddedInput, weight: weight, bias: bias, M: G, C: C, OC: OC)
                (out + first * OC).update(from: paddedOutput, count: rows * OC)
            }
        }
    }

    private static func gemmRows(
        out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, weight: UnsafePointer<Float>,
        bias: UnsafePointer<Float>?, M: Int, C: Int, OC: Int
    ) {
        var beta: Float = 0
        if let bias {
            for row in 0..<M { (out + row * OC).update(from: bias, count: OC) }
            beta = 1
        }
        BLAS.sgemm(
            transposeA: false, transposeB: true, m: M, n: OC, k: C,
            alpha: 1, a: inp, lda: C, b: weight, ldb: C, beta: beta, c: out, ldc: OC)
    }

    /// Backward pass on sgemm; **accumulates** into `dInp`, `dWeight` and `dBias`.
    ///
    /// `dInp` is split by rows, `dWeight` and `dBias` by output channels, so no sum is split.
    /// - Parameters:
    ///   - dInp: `(N, C)`, accumulated: `dOut · weight`.
    ///   - dWeight: `(OC, C)`, accumulated: `dOutᵀ · inp`.
    ///   - dBias: `(OC)` or `nil`, accumulated: column sums of `dOut`.
    ///   - dOut: `(N, OC)`; `inp`: `(N, C)`; `weight`: `(OC, C)`.
    public static func backward(
        dInp: UnsafeMutablePointer<Float>?, dWeight: UnsafeMutablePointer<Float>, dBias: UnsafeMutablePointer<Float>?,
        dOut: UnsafePointer<Float>, inp: UnsafePointer<Float>, weight: UnsafePointer<Float>,
        N: Int, C: Int, OC: Int
    ) {
        if let dInp {
            Workers.forEachRange(N, minimumPerWorker: 16) { rows in
                BLAS.sgemm(
                    transposeA: false, transposeB: false, m: rows.count, n: C, k: OC,
                    alpha: 1, a: dOut + rows.lowerBound * OC, lda: OC, b: weight, ldb: C,
                    beta: 1, c: dInp + rows.lowerBound * C, ldc: C)
            }
        }
        Workers.forEachRange(OC, minimumPerWorker: 8) { channels in
            BLAS.sgemm(
                transposeA: true, transposeB: false, m: channels.count, n: C, k: N,
                alpha: 1, a: dOut + channels.lowerBound, lda: OC, b: inp, ldb: C,
                beta: 1, c: dWeight + channels.lowerBound * C, ldc: C)
            if let dBias {
                for row in 0..<N {
                    let d = dOut + row * OC
                    for o in channels { dBias[o] += d[o] }
                }
            }
        }
    }

    /// The algorithmic reference for `forward`: three loops, one thread.
    public static func forwardNaive(
        out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>,
        weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
        N: Int, C: Int, OC: Int
    ) {
        for row in 0..<N {
            for o in 0..<OC {
                var value = bias?[o] ?? 0
                for i in 0..<C { value += inp[row * C + i] * weight[o * C + i] }
                out[row * OC + o] = value
            }
        }
    }

    /// The algorithmic reference for `backward`; **accumulates** like it.
    public static func backwardNaive(
        dInp: UnsafeMutablePointer<Float>?, dWeight: UnsafeMutablePointer<Float>, dBias: UnsafeMutablePointer<Float>?,
        dOut: UnsafePointer<Float>, inp: UnsafePointer<Float>, weight: UnsafePointer<Float>,
        N: Int, C: Int, OC: Int
    ) {
        for row in 0..<N {
            for o in 0..<OC {
                let d = dOut[row * OC + o]
                if let dInp {
                    for i in 0..<C { dInp[row * C + i] += weight[o * C + i] * d }
                }
                for i in 0..<C { dWeight[o * C + i] += inp[row * C + i] * d }
                dBias?[o] += d
            }
        }
    }
}
