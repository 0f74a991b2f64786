// Causal multi-head self-attention over a packed qkv buffer, each head's two products on sgemm
// (strided views of the qkv rows, no copies), heads and batch rows split among the workers.
//
// Shapes: B = batch, T = sequence length, C = channels, NH = heads, hs = C / NH (head size).
// qkv rows are [q | k | v], each C wide; head h owns columns h·hs ..< (h+1)·hs of each part.

/// `out = softmax(q·kᵀ / sqrt(hs) + causal mask) · v`, per head.
public enum Attention {
    /// Forward pass; saves the attention weights for the backward pass.
    /// - Parameters:
    ///   - out: `(B, T, C)`, written (heads side by side).
    ///   - att: `(B, NH, T, T)`, written: softmax weights; zero above the diagonal.
    ///   - qkv: `(B, T, 3C)`.
    public static func forward(
        out: UnsafeMutablePointer<Float>, att: UnsafeMutablePointer<Float>,
        qkv: UnsafePointer<Float>,
        B: Int, T: Int, C: Int, NH: Int
    ) {
        let hs = C / NH
        let scale = 1 / Float(hs).squareRoot()
        Workers.forEach(B * NH) { pair in
            let b = pair / NH
            let h = pair % NH
            let q = qkv + b * T * 3 * C + h * hs
            let k = q + C
            let v = q + 2 * C
            let a = att + pair * T * T
            // preatt (T, T) = scale · q (T, hs) · kᵀ (hs, T)
            BLAS.sgemm(
                transposeA: false, transposeB: true, m: T, n: T, k: hs,
                alpha: scale, a: q, lda: 3 * C, b: k, ldb: 3 * C, beta: 0, c: a, ldc: T)
            for t in 0..<T {
                let row = a + t * T
                let shift = maximum(row, t + 1)
                let total = expShifted(row, row, shift, t + 1)
                multiply(row, 1 / total, t + 1)
                (row + t + 1).update(repeating: 0, count: T - t - 1)
            }
            // out_h (T, hs) = att (T, T) · v (T, hs)
            BLAS.sgemm(
                transposeA: false, transposeB: false, m: T, n: hs, k: T,
                alpha: 1, a: a, lda: T, b: v, ldb: 3 * C, beta: 0, c: out + b * T * C + h * hs, ldc: C)
        }
    }

    /// Backward pass; **accumulates** into `dQKV`.
    /// - Parameters:
    ///   - dQKV: `(B, T, 3C)`, accumulated.
    ///   - dOut: `(B, T, C)`.
    ///   - qkv: `(B, T, 3C)`; `att`: `(B, NH, T, T)` from the forward pass.
    public static func backward(
        dQKV: UnsafeMutablePointer<Float>,
        dOut: UnsafePointer<Float>, qkv: UnsafePointer<Float>, att: UnsafePointer<Float>,
        B: Int, T: Int, C: Int, NH: Int
    ) {
        let hs = C / NH
        let scale = 1 / Float(hs).squareRoot()
        Workers.forEachRange(B * NH) { pairs in
            let dAtt = UnsafeMutablePointer<Float>.allocate(capacity: T * T)
            defer { dAtt.deallocate() }
            for pair in pairs {
                let b = pair / NH
                let h = pair % NH
                let rowOffset = b * T * 3 * C + h * hs
                let q = qkv + rowOffset
                let k = q + C
                let v = q + 2 * C
                let dq = dQKV + rowOffset
                let dk = dq + C
                let dv = dq + 2 * C
                let a = att + pair * T * T
                let dO = dOut + b * T * C + h * hs
                // dAtt (T, T) = dOut_h (T, hs) · vᵀ (hs, T);  dv (T, hs) += attᵀ (T, T) · dOut_h (T, hs)
                BLAS.sgemm(
                    transposeA: false, transposeB: true, m: T, n: T, k: hs,
                    alpha: 1, a: dO, lda: C, b: v, ldb: 3 * C, beta: 0, c: dAtt, ldc: T)
                BLAS.sgemm(
                    transposeA: true, transposeB: false, m: T, n: hs, k: T,
                    alpha: 1, a: a, lda: T, b: dO, ldb: C, beta: 1, c: dv, ldc: 3 * C)
                // softmax backward, in place: dPre = att · (dAtt − Σ att·dAtt), masked entries 0.
                for t in 0..<T {
                    let p = a + t * T
                    let d = dAtt + t * T
                    let inner = dot(p, d, t + 1)
                    for j in 0...t { d[j] = p[j] * (d[j] - inner) }
                    (d + t + 1).update(repeating: 0, count: T - t - 1)
                }
                // dq (T, hs) += scale · dPre (T, T) · k (T, hs);  dk (T, hs) += scale · dPreᵀ · q (T, hs)
                BLAS.sgemm(
                    transposeA: false, transposeB: false, m: T, n: hs, k: T,
                    alpha: scale, a: dAtt, lda: T, b: k, ldb: 3 * C, beta: 1, c: dq, ldc: 3 * C)
                BLAS.sgemm(
                    transposeA: true, transposeB: false, m: T, n: hs, k: T,
                    alpha: scale, a: dAtt, lda: T, b: q, ldb: 3 * C, beta: 1, c: dk, ldc: 3 * C)
            }
        }
    }
}
