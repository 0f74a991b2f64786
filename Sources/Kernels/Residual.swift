// Residual connection: elementwise sum.
//
// Shapes: N = element count (B·T·C).

/// `out = a + b`, elementwise.
public enum Residual {
    /// Forward pass. `out`: `(N)`, written (may alias `a`); `a`, `b`: `(N)`.
    public static func forward(
        out: UnsafeMutablePointer<Float>, a: UnsafePointer<Float>, b: UnsafePointer<Float>, N: Int
    ) {
        var i = 0
        while i + vectorWidth <= N {
            store(load(a + i) + load(b + i), out + i)
            i += vectorWidth
        }
        while i < N {
            out[i] = a[i] + b[i]
            i += 1
        }
    }

    /// Backward pass; **accumulates** `dOut` into both `dA` and `dB` (each `(N)`).
    public static func backward(
        dA: UnsafeMutablePointer<Float>, dB: UnsafeMutablePointer<Float>, dOut: UnsafePointer<Float>, N: Int
    ) {
        axpy(1, dOut, dA, N)
        axpy(1, dOut, dB, N)
    }
}
