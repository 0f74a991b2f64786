// Layer normalisation over channels, eps = 1e-5, biased variance (as PyTorch's nn.LayerNorm).
//
// Shapes: N = rows (B·T), C = channels.

/// `out = (inp − mean) · rstd · weight + bias`, per row.
public enum LayerNorm {
    /// The ε added to the variance.
    public static let epsilon: Float = 1e-5

    /// Forward pass; saves `mean` and `rstd` for the backward pass.
    /// - Parameters:
    ///   - out: `(N, C)`, written.
    ///   - mean: `(N)`, written.
    ///   - rstd: `(N)`, written: `1 / sqrt(variance + ε)`.
    ///   - inp: `(N, C)`.
    ///   - weight: `(C)`; `bias`: `(C)`.
    public static func forward(
        out: UnsafeMutablePointer<Float>, mean: UnsafeMutablePointer<Float>, rstd: UnsafeMutablePointer<Float>,
        inp: UnsafePointer<Float>, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        N: Int, C: Int
    ) {
        Workers.forEachRange(N, minimumPerWorker: 32) { rows in
            for row in rows {
                let x = inp + row * C
                let m = sum(x, C) / Float(C)
                var v = Vector()
                var i = 0
                let mv = Vector(repeating: m)
                while i + vectorWidth <= C {
                    let d = load(x + i) - mv
                    v += d * d
                    i += vectorWidth
                }
                var variance = v.sum()
                while i < C {
                    variance += (x[i] - m) * (x[i] - m)
                    i += 1
                }
                variance /= Float(C)
                let s = 1 / (variance + epsilon).squareRoot()
                let o = out + row * C
                let sv = Vector(repeating: s)
                i = 0
                while i + vectorWidth <= C {
                    store((load(x + i) - mv) * sv * load(weight + i) + load(bias + i), o + i)
                    i += vectorWidth
                }
                while i < C {
                    o[i] = (x[i] - m) * s * weight[i] + bias[i]
                    i += 1
                }
                mean[row] = m
                rstd[row] = s
            }
        }
    }

    /// Backward pass; **accumulates** into `dInp`, `dWeight` and `dBias`.
    /// - Parameters:
    ///   - dInp: `(N, C)`, accumulated.
    ///   - dWeight: `(C)`, accumulated; `dBias`: `(C)`, accumulated.
    ///   - dOut: `(N, C)`.
    ///   - inp: `(N, C)`; `weight`: `(C)`; `mean`, `rstd`: `(N)` from the forward pass.
    public static func backward(
        dInp: UnsafeMutablePointer<Float>, dWeight: UnsafeMutablePointer<Float>, dBias: UnsafeMutablePointer<Float>,
        dOut: UnsafePointer<Float>, inp: UnsafePointer<Float>, weight: UnsafePointer<Float>,
        mean: UnsafePointer<Float>, rstd: UnsafePointer<Float>,
        N: Int, C: Int
    ) {
        // dInp, row by row: (w·dout − mean(w·dout) − norm·mean(w·dout·norm)) · rstd.
        Workers.forEachRange(N, minimumPerWorker: 32) { rows in
            for row in rows {
                let x = inp + row * C
                let d = dOut + row * C
                let di = dInp + row * C
                let m = mean[row]
                let s = rstd[row]
                var dnormMean: Float = 0
                var dnormNormMean: Float = 0
                for i in 0..<C {
                    let norm = (x[i] - m) * s
                    let dnorm = weight[i] * d[i]
                    dnormMean += dnorm
                    dnormNormMean += dnorm * norm
                }
                dnormMean /= Float(C)
                dnormNormMean /= Float(C)
                let mv = Vector(repeating: m)
                let sv = Vector(repeating: s)
                var i = 0
                while i + vectorWidth <= C {
                    let norm = (load(x + i) - mv) * sv
                    let dnorm = load(weight + i) * load(d + i)
                    store(load(di + i) + (dnorm - dnormMean - norm * dnormNormMean) * sv, di + i)
                    i += vectorWidth
                }
                while i < C {
                    let norm = (x[i] - m) * s
                    di[i] += (weight[i] * d[i] - dnormMean - norm * dnormNormMean) * s
                    i += 1
                }
            }
        }
        // dWeight and dBias: sums over rows, split by channel slices so every sum runs in row order.
        let slices = (C + vectorWidth - 1) / vectorWidth
        Workers.forEachRange(slices) { sliceRange in
            let start = sliceRange.lowerBound * vectorWidth
            let end = Swift.min(C, sliceRange.upperBound * vectorWidth)
            for row in 0..<N {
                let x = inp + row * C
                let d = dOut + row * C
                let m = mean[row]
                let s = rstd[row]
                for i in start..<end {
                    dBias[i] += d[i]
                    dWeight[i] += (x[i] - m) * s * d[i]
                }
            }
        }
    }
}
