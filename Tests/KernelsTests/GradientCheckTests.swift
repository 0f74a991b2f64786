// Central finite differences for every backward pass: a second oracle that needs no NumPy.
// The loss is L = Σ out·dOut, summed in Double; each input element is nudged by ±ε.
import Kernels
import Testing

@Suite("Finite-difference gradients")
struct GradientCheckTests {
    static let epsilon: Float = 1e-2

    /// Compares `analytic[k]` with the central difference of `Σ forward(inputs)·dOut` for every
    /// element of every checked input `k`.
    static func check(
        _ label: String, inputs: [[Float]], checked: [Int], dOut: [Float], analytic: [[Float]],
        tolerance: Double = 2e-2, forward: ([[Float]]) -> [Float], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        func loss(_ values: [[Float]]) -> Double {
            zip(forward(values), dOut).reduce(0) { $0 + Double($1.0) * Double($1.1) }
        }
        for (slot, k) in checked.enumerated() {
            var worst = 0.0
            for i in inputs[k].indices {
                var plus = inputs, minus = inputs
                plus[k][i] += epsilon
                minus[k][i] -= epsilon
                let numeric = (loss(plus) - loss(minus)) / Double(2 * epsilon)
                let error = abs(numeric - Double(analytic[slot][i])) / (1 + abs(numeric))
                worst = max(worst, error)
                if error > tolerance {
                    Issue.record(
                        "\(label) input \(k)[\(i)]: analytic \(analytic[slot][i]), numeric \(numeric)",
                        sourceLocation: sourceLocation)
                    return
                }
            }
        }
    }

    @Test func layerNormGradients() {
        var g = SplitMix64(seed: 11)
        let (N, C) = (3, 10)
        let inputs = [g.floats(N * C, scale: 2), g.floats(C), g.floats(C)]
        let dOut = g.floats(N * C)
        var mean = [Float](repeating: 0, count: N), rstd = mean
        func forward(_ v: [[Float]]) -> [Float] {
            var out = [Float](repeating: 0, count: N * C), m = mean, s = rstd
            LayerNorm.forward(out: &out, mean: &m, rstd: &s, inp: v[0], weight: v[1], bias: v[2], N: N, C: C)
            return out
        }
        var out = [Float](repeating: 0, count: N * C)
        LayerNorm.forward(out: &out, mean: &mean, rstd: &rstd, inp: inputs[0], weight: inputs[1], bias: inputs[2], N: N, C: C)
        var dInp = [Float](repeating: 0, count: N * C), dWeight = [Float](repeating: 0, count: C), dBias = dWeight
        LayerNorm.backward(
            dInp: &dInp, dWeight: &dWeight, dBias: &dBias, dOut: dOut, inp: inputs[0], weight: inputs[1],
            mean: mean, rstd: rstd, N: N, C: C)
        Self.check("layernorm", inputs: inputs, checked: [0, 1, 2], dOut: dOut, analytic: [dInp, dWeight, dBias], forward: forward)
    }

    @Test func matmulGradients() {
        var g = SplitMix64(seed: 12)
        let (N, C, OC) = (4, 6, 5)
        let inputs = [g.floats(N * C), g.floats(OC * C), g.floats(OC)]
        let dOut = g.floats(N * OC)
        func forward(_ v: [[Float]]) -> [Float] {
            var out = [Float](repeating: 0, count: N * OC)
            Matmul.forward(out: &out, inp: v[0], weight: v[1], bias: v[2], N: N, C: C, OC: OC)
            return out
        }
        var dInp = [Float](repeating: 0, count: N * C), dWeight = [Float](repeating: 0, count: OC * C)
        var dBias = [Float](repeating: 0, count: OC)
        Matmul.backward(dInp: &dInp, dWeight: &dWeight, dBias: &dBias, dOut: dOut, inp: inputs[0], weight: inputs[1], N: N, C: C, OC: OC)
        Self.check("matmul", inputs: inputs, checked: [0, 1, 2], dOut: dOut, analytic: [dInp, dWeight, dBias], forward: forward)
    }

    @Test func attentionGradients() {
        var g = SplitMix64(seed: 13)
        let (B, T, C, NH) = (2, 4, 6, 2)
        let inputs = [g.floats(B * T * 3 * C)]
        let dOut = g.floats(B * T * C)
        var att = [Float](repeating: 0, count: B * NH * T * T)
        func forward(_ v: [[Float]]) -> [Float] {
            var out = [Float](repeating: 0, count: B * T * C), a = att
            Attention.forward(out: &out, att: &a, qkv: v[0], B: B, T: T, C: C, NH: NH)
            return out
        }
        var out = [Float](repeating: 0, count: B * T * C)
        Attention.forward(out: &out, att: &att, qkv: inputs[0], B: B, T: T, C: C, NH: NH)
        var dQKV = [Float](repeating: 0, count: B * T * 3 * C)
        Attention.backward(dQKV: &dQKV, dOut: dOut, qkv: inputs[0], att: att, B: B, T: T, C: C, NH: NH)
        Self.check("attention", inputs: inputs, checked: [0], dOut: dOut, analytic: [dQKV], forward: forward)
    }

    @Test func geluGradients() {
        var g = SplitMix64(seed: 14)
        let N = 37
        let inputs = [g.floats(N, scale: 3)]
        let dOut = g.floats(N)
        func forward(_ v: [[Float]]) -> [Float] {
            var out = [Float](repeating: 0, count: N)
            GELU.forward(out: &out, inp: v[0], N: N)
            return out
        }
        var dInp = [Float](repeating: 0, count: N)
        GELU.backward(dInp: &dInp, inp: inputs[0], dOut: dOut, N: N)
        Self.check("gelu", inputs: inputs, checked: [0], dOut: dOut, analytic: [dInp], forward: forward)
    }

    @Test func encoderGradients() {
        var g = SplitMix64(seed: 15)
        let (B, T, C, V) = (2, 3, 5, 4)
        let tokens: [Int32] = [0, 3, 3, 1, 0, 2]
        let inputs = [g.floats(V * C), g.floats(T * C)]
        let dOut = g.floats(B * T * C)
        func forward(_ v: [[Float]]) -> [Float] {
            var out = [Float](repeating: 0, count: B * T * C)
            Encoder.forward(out: &out, tokens: tokens, tokenEmbedding: v[0], positionEmbedding: v[1], B: B, T: T, C: C)
            return out
        }
        var dWte = [Float](repeating: 0, count: V * C), dWpe = [Float](repeating: 0, count: T * C)
        Encoder.backward(dTokenEmbedding: &dWte, dPositionEmbedding: &dWpe, dOut: dOut, tokens: tokens, B: B, T: T, C: C)
        Self.check("encoder", inputs: inputs, checked: [0, 1], dOut: dOut, analytic: [dWte, dWpe], forward: forward)
    }

    /// Loss = Σ dLoss·loss + Σ dEntropy·entropy over rows, one of them masked.
    @Test func softmaxCrossEntropyGradients() {
        var g = SplitMix64(seed: 16)
        let (N, V) = (4, 9)
        let targets: [Int32] = [2, -1, 8, 0]
        let logits = g.floats(N * V, scale: 2)
        let dLosses = g.floats(N), dEntropies = g.floats(N)
        func objective(_ z: [Float]) -> Double {
            var losses = [Float](repeating: 0, count: N), entropies = losses
            var probs = [Float](repeating: 0, count: N * V)
            SoftmaxCrossEntropy.forward(losses: &losses, probs: &probs, entropies: &entropies, logits: z, targets: targets, N: N, V: V)
            return (0..<N).reduce(0) { $0 + Double(dLosses[$1] * losses[$1] + dEntropies[$1] * entropies[$1]) }
        }
        var losses = [Float](repeating: 0, count: N), entropies = losses
        var probs = [Float](repeating: 0, count: N * V)
        SoftmaxCrossEntropy.forward(losses: &losses, probs: &probs, entropies: &entropies, logits: logits, targets: targets, N: N, V: V)
        var dLogits = [Float](repeating: .nan, count: N * V)
        SoftmaxCrossEntropy.backward(
            dLogits: &dLogits, probs: probs, entropies: entropies, dLosses: dLosses, dEntropies: dEntropies,
            targets: targets, N: N, V: V)
        for i in logits.indices {
            var plus = logits, minus = logits
            plus[i] += Self.epsilon
            minus[i] -= Self.epsilon
            let numeric = (objective(plus) - objective(minus)) / Double(2 * Self.epsilon)
            #expect(abs(numeric - Double(dLogits[i])) <= 2e-2 * (1 + abs(numeric)), "dlogits[\(i)]")
        }
    }
}
