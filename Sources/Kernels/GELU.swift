// GELU, tanh approximation (GPT-2's and PyTorch's `approximate="tanh"`), not the exact erf form:
//   gelu(x) = 0.5·x·(1 + tanh(sqrt(2/π)·(x + 0.044715·x³)))
//
// Shapes: N = element count (B·T·4C in the MLP).

/// The MLP's non-linearity, elementwise.
public enum GELU {
    static let sqrtTwoOverPi: Float = 0.7978845608028654
    static let cubic: Float = 0.044715

    /// Forward pass. `out`: `(N)`, written; `inp`: `(N)`.
    public static func forward(out: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, N: Int) {
        Workers.forEachRange(N / vectorWidth + 1, minimumPerWorker: 1024) { blocks in
            let start = blocks.lowerBound * vectorWidth
            let end = Swift.min(N, blocks.upperBound * vectorWidth)
            var i = start
            while i + vectorWidth <= end {
                let x = load(inp + i)
                let u = sqrtTwoOverPi * (x + cubic * x * x * x)
                store(0.5 * x * (1 + vectorTanh(u)), out + i)
                i += vectorWidth
            }
            while i < end {
                let x = inp[i]
                let u = sqrtTwoOverPi * (x + cubic * x * x * x)
                out[i] = 0.5 * x * (1 + vectorTanh(Vector(repeating: u))[0])
                i += 1
            }
        }
    }

    /// Backward pass; **accumulates** into `dInp`. `dInp`, `inp`, `dOut`: `(N)`.
    public static func backward(
        dInp: UnsafeMutablePointer<Float>, inp: UnsafePointer<Float>, dOut: UnsafePointer<Float>, N: Int
    ) {
        Workers.forEachRange(N / vectorWidth + 1, minimumPerWorker: 1024) { blocks in
            let start = blocks.lowerBound * vectorWidth
            let end = Swift.min(N, blocks.upperBound * vectorWidth)
            var i = start
            while i + vectorWidth <= end {
                let x = load(inp + i)
                store(load(dInp + i) + derivative(x) * load(dOut + i), dInp + i)
                i += vectorWidth
            }
            while i < end {
                dInp[i] += derivative(Vector(repeating: inp[i]))[0] * dOut[i]
                i += 1
            }
        }
    }

    @inline(__always)
    static func derivative(_ x: Vector) -> Vector {
        let u = sqrtTwoOverPi * (x + cubic * x * x * x)
        let t = vectorTanh(u)
        let du = sqrtTwoOverPi * (1 + 3 * cubic * x * x)
        return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * du
    }
}
