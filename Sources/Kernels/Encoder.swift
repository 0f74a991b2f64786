// Token embedding plus learned position embedding.
//
// Shapes: B = batch, T = sequence length, C = channels, V = vocabulary, maxT = context length.

/// The input layer: `out[b, t] = tokenEmbedding[tokens[b, t]] + positionEmbedding[position]`.
public enum Encoder {
    /// Forward pass.
    /// - Parameters:
    ///   - out: `(B, T, C)`, written.
    ///   - tokens: `(B, T)` token ids in `0..<V`.
    ///   - positions: `(B, T)` positions in `0..<maxT`, or `nil` for `t` (the usual case; generation
    ///     passes each sequence's own positions).
    ///   - tokenEmbedding: `(V, C)`.
    ///   - positionEmbedding: `(maxT, C)`.
    public static func forward(
        out: UnsafeMutablePointer<Float>,
        tokens: UnsafePointer<Int32>, positions: UnsafePointer<Int32>? = nil,
        tokenEmbedding: UnsafePointer<Float>, positionEmbedding: UnsafePointer<Float>,
        B: Int, T: Int, C: Int
    ) {
        Workers.forEachRange(B * T, minimumPerWorker: 64) { rows in
            for row in rows {
                let token = Int(tokens[row])
                let position = positions.map { Int($0[row]) } ?? row % T
                let o = out + row * C
                let w = tokenEmbedding + token * C
                let p = positionEmbedding + position * C
                var i = 0
                while i + vectorWidth <= C {
                    store(load(w + i) + load(p + i), o + i)
                    i += vectorWidth
                }
                while i < C {
                    o[i] = w[i] + p[i]
                    i += 1
                }
            }
        }
    }

    /// Backward pass; **accumulates** into `dTokenEmbedding` and `dPositionEmbedding`.
    ///
    /// Split over channel slices (each worker owns a slice of every row), so repeated tokens never
    /// race and the sums run in row order whatever the worker count.
    /// - Parameters:
    ///   - dTokenEmbedding: `(V, C)`, accumulated.
    ///   - dPositionEmbedding: `(maxT, C)`, accumulated.
    ///   - dOut: `(B, T, C)`.
    ///   - tokens: `(B, T)`; `positions` as in `forward`.
    public static func backward(
        dTokenEmbedding: UnsafeMutablePointer<Float>, dPositionEmbedding: UnsafeMutablePointer<Float>,
        dOut: UnsafePointer<Float>, tokens: UnsafePointer<Int32>, positions: UnsafePointer<Int32>? = nil,
        B: Int, T: Int, C: Int
    ) {
        let slices = (C + vectorWidth - 1) / vectorWidth
        Workers.forEachRange(slices) { sliceRange in
            let start = sliceRange.lowerBound * vectorWidth
            let width = Swift.min(C, sliceRange.upperBound * vectorWidth) - start
            for row in 0..<(B * T) {
                let token = Int(tokens[row])
                let position = positions.map { Int($0[row]) } ?? row % T
                let d = dOut + row * C + start
                axpy(1, d, dTokenEmbedding + token * C + start, width)
                axpy(1, d, dPositionEmbedding + position * C + start, width)
            }
        }
    }
}
