// Causal attention for generation: new tokens attend to a key/value cache that holds every earlier
// position of their sequence. Plain SIMD loops (no GEMM): each row's result depends only on its own
// sequence, so a sequence generates the same tokens in any batch.
//
// Shapes: B = batch rows, Tn = new tokens per row (padded), C = channels, NH = heads, hs = C / NH,
// S = cache slots, maxT = context length.

extension Attention {
    /// Writes the new keys and values into the cache, then attends each new query to positions
    /// `0 ... its own` of its slot. Rows past `counts[b]` are padding: nothing is written for them.
    /// - Parameters:
    ///   - out: `(B, Tn, C)`, written at real rows.
    ///   - keyCache: `(S, NH, maxT, hs)`, written at positions `starts[b] ..< starts[b] + counts[b]` of slot `slots[b]`.
    ///   - valueCache: `(S, NH, maxT, hs)`, likewise.
    ///   - qkv: `(B, Tn, 3C)` for the new tokens.
    ///   - slots: `(B)` cache slot of each row; `starts`: `(B)` position of each row's first new token;
    ///     `counts`: `(B)` real new tokens per row (≤ Tn).
    ///   - prefixSlots, prefixLengths: optional `(B)`: positions `0 ..< prefixLengths[b]` of row `b` are read
    ///     from slot `prefixSlots[b]` (a shared prompt, e.g. of beams), the rest from its own slot; a row
    ///     with prefix length 0 reads only its own slot.
    public static func forwardCached(
        out: UnsafeMutablePointer<Float>,
        keyCache: UnsafeMutablePointer<Float>, valueCache: UnsafeMutablePointer<Float>,
        qkv: UnsafePointer<Float>,
        slots: UnsafePointer<Int32>, starts: UnsafePointer<Int32>, counts: UnsafePointer<Int32>,
        B: Int, Tn: Int, C: Int, NH: Int, maxT: Int,
        prefixSlots: UnsafePointer<Int32>? = nil, prefixLengths: UnsafePointer<Int32>? = nil
    ) {
        let hs = C / NH
        let scale = 1 / Float(hs).squareRoot()
        Workers.forEachRange(B * NH) { pairs in
            let scores = UnsafeMutablePointer<Float>.allocate(capacity: maxT)
            defer { scores.deallocate() }
            for pair in pairs {
                let b = pair / NH
                let h = pair % NH
                let slot = Int(slots[b]), start = Int(starts[b]), count = Int(counts[b])
                let keys = keyCache + ((slot * NH + h) * maxT) * hs
                let values = valueCache + ((slot * NH + h) * maxT) * hs
                let shared = prefixLengths.map { Int($0[b]) } ?? 0
                let prefixSlot = prefixSlots.map { Int($0[b]) } ?? slot
                let prefixKeys = keyCache + ((prefixSlot * NH + h) * maxT) * hs
                let prefixValues = valueCache + ((prefixSlot * NH + h) * maxT) * hs
                for t in 0..<count {
                    let row = qkv + (b * Tn + t) * 3 * C
                    (keys + (start + t) * hs).update(from: row + C + h * hs, count: hs)
                    (values + (start + t) * hs).update(from: row + 2 * C + h * hs, count: hs)
                }
                for t in 0..<count {
                    let position = start + t
                    let q = qkv + (b * Tn + t) * 3 * C + h * hs
                    let split = min(shared, position + 1)
                    for j in 0..<split { scores[j] = dot(q, prefixKeys + j * hs, hs) * scale }
                    for j in split..<(position + 1) { scores[j] = dot(q, keys + j * hs, hs) * scale }
                    let shift = maximum(scores, position + 1)
                    let total = expShifted(scores, scores, shift, position + 1)
                    let o = out + (b * Tn + t) * C + h * hs
                    o.update(repeating: 0, count: hs)
                    for j in 0..<split { axpy(scores[j] / total, prefixValues + j * hs, o, hs) }
                    for j in split..<(position + 1) { axpy(scores[j] / total, values + j * hs, o, hs) }
                }
            }
        }
    }
}
