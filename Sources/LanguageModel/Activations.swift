// Everything the forward pass keeps for the backward pass, in one buffer (llm.c's ActivationTensors),
// plus one layer's worth of activation gradients, reused layer after layer.
//
// Shapes: B = batch, T = length, C = channels, NH = heads, L = layers, V = vocabulary.

final class Activations {
    let B: Int
    let T: Int
    let buffer: FloatBuffer

    let encoded: UnsafeMutablePointer<Float>     // (B, T, C)
    let ln1: UnsafeMutablePointer<Float>         // (L, B, T, C)
    let ln1Mean: UnsafeMutablePointer<Float>     // (L, B, T)
    let ln1Rstd: UnsafeMutablePointer<Float>     // (L, B, T)
    let qkv: UnsafeMutablePointer<Float>         // (L, B, T, 3C)
    let atty: UnsafeMutablePointer<Float>        // (L, B, T, C)
    let att: UnsafeMutablePointer<Float>         // (L, B, NH, T, T)
    let attproj: UnsafeMutablePointer<Float>     // (L, B, T, C)
    let residual2: UnsafeMutablePointer<Float>   // (L, B, T, C)
    let ln2: UnsafeMutablePointer<Float>         // (L, B, T, C)
    let ln2Mean: UnsafeMutablePointer<Float>     // (L, B, T)
    let ln2Rstd: UnsafeMutablePointer<Float>     // (L, B, T)
    let fch: UnsafeMutablePointer<Float>         // (L, B, T, 4C)
    let fchGelu: UnsafeMutablePointer<Float>     // (L, B, T, 4C)
    let fcproj: UnsafeMutablePointer<Float>      // (L, B, T, C)
    let residual3: UnsafeMutablePointer<Float>   // (L, B, T, C)
    let lnf: UnsafeMutablePointer<Float>         // (B, T, C)
    let lnfMean: UnsafeMutablePointer<Float>     // (B, T)
    let lnfRstd: UnsafeMutablePointer<Float>     // (B, T)
    let headInput: UnsafeMutablePointer<Float>   // (M ≤ B·T, C): lnf rows at head positions
    let logits: UnsafeMutablePointer<Float>      // (M, V): logits, then probabilities, then their gradient
    let losses: UnsafeMutablePointer<Float>      // (M)
    let entropies: UnsafeMutablePointer<Float>   // (M)
    let dLosses: UnsafeMutablePointer<Float>     // (M)
    let dEntropies: UnsafeMutablePointer<Float>  // (M)
    // One layer of gradients, reused from the last layer down.
    let dResidual: UnsafeMutablePointer<Float>   // (B, T, C): the residual stream's gradient
    let dLn: UnsafeMutablePointer<Float>         // (B, T, C)
    let dAtty: UnsafeMutablePointer<Float>       // (B, T, C)
    let dQKV: UnsafeMutablePointer<Float>        // (B, T, 3C)
    let dFch: UnsafeMutablePointer<Float>        // (B, T, 4C)
    let dFchGelu: UnsafeMutablePointer<Float>    // (B, T, 4C)
    let dHeadInput: UnsafeMutablePointer<Float>  // (M, C)

    /// Token ids `(B, T)`, targets `(B, T)`, and the head's rows: flat positions and their targets.
    var tokens: [Int32] = []
    var targets: [Int32] = []
    var headRows: [Int32] = []
    var headTargets: [Int32] = []
    /// Whether the last forward pass computed losses, so `backward` may run.
    var hasLosses = false
    var hasEntropies = false

    init(config: TransformerConfig, B: Int, T: Int) {
        self.B = B
        self.T = T
        let (C, L, NH, V) = (config.channels, config.layers, config.heads, config.vocabularySize)
        let N = B * T
        let sizes = [
            N * C, L * N * C, L * N, L * N, L * N * 3 * C, L * N * C, L * B * NH * T * T, L * N * C, L * N * C,
            L * N * C, L * N, L * N, L * N * 4 * C, L * N * 4 * C, L * N * C, L * N * C, N * C, N, N,
            N * C, N * V, N, N, N, N,
            N * C, N * C, N * C, N * 3 * C, N * 4 * C, N * 4 * C, N * C,
        ]
        buffer = FloatBuffer(count: sizes.reduce(0, +))
        var pointers: [UnsafeMutablePointer<Float>] = []
        var next = buffer.base
        for size in sizes {
            pointers.append(next)
            next += size
        }
        (encoded, ln1, ln1Mean, ln1Rstd, qkv, atty, att, attproj, residual2) =
            (pointers[0], pointers[1], pointers[2], pointers[3], pointers[4], pointers[5], pointers[6], pointers[7], pointers[8])
        (ln2, ln2Mean, ln2Rstd, fch, fchGelu, fcproj, residual3, lnf, lnfMean, lnfRstd) =
            (pointers[9], pointers[10], pointers[11], pointers[12], pointers[13], pointers[14], pointers[15], pointers[16],
             pointers[17], pointers[18])
        (headInput, logits, losses, entropies, dLosses, dEntropies) =
            (pointers[19], pointers[20], pointers[21], pointers[22], pointers[23], pointers[24])
        (dResidual, dLn, dAtty, dQKV, dFch, dFchGelu, dHeadInput) =
            (pointers[25], pointers[26], pointers[27], pointers[28], pointers[29], pointers[30], pointers[31])
    }
}
