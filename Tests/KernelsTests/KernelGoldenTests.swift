// Every kernel's forward and backward against the NumPy goldens (Tests/Python/make_kernel_goldens.py).
// Backward passes start from random gradients, so the tests also check that they accumulate.
import Kernels
import Testing

@Suite("Kernel goldens")
struct KernelGoldenTests {
    /// Runs a backward pass on gradients prefilled with noise and returns what it added.
    static func accumulated(
        _ counts: [Int], seed: UInt64, _ body: ([UnsafeMutablePointer<Float>]) -> Void
    ) -> [[Float]] {
        var generator = SplitMix64(seed: seed)
        let initial = counts.map { generator.floats($0) }
        let buffers = initial.map { values in
            let buffer = UnsafeMutablePointer<Float>.allocate(capacity: values.count)
            buffer.initialize(from: values, count: values.count)
            return buffer
        }
        defer { buffers.forEach { $0.deallocate() } }
        body(buffers)
        return zip(buffers, initial).map { buffer, start in start.indices.map { buffer[$0] - start[$0] } }
    }

    @Test(arguments: [1, 3])
    func encoderMatchesNumPy(workers: Int) throws {
        Workers.count = workers
        let golden = try GoldenFile(named: "encoder.bin")
        let (B, T, C, V) = (golden.shape("B"), golden.shape("T"), golden.shape("C"), golden.shape("V"))
        let maxT = golden.shape("maxT")
        let tokens = try golden.ints("tokens"), wte = try golden.floats("wte"), wpe = try golden.floats("wpe")
        var out = [Float](repeating: .nan, count: B * T * C)
        Encoder.forward(out: &out, tokens: tokens, tokenEmbedding: wte, positionEmbedding: wpe, B: B, T: T, C: C)
        checkTensor(out, try golden.floats("out"), "encoder out")
        let dout = try golden.floats("dout")
        let grads = Self.accumulated([V * C, maxT * C], seed: 1) { g in
            Encoder.backward(dTokenEmbedding: g[0], dPositionEmbedding: g[1], dOut: dout, tokens: tokens, B: B, T: T, C: C)
        }
        checkTensor(grads[0], try golden.floats("dwte"), "dwte")
        checkTensor(grads[1], try golden.floats("dwpe"), "dwpe")
    }

    @Test(arguments: [1, 3])
    func layerNormMatchesNumPy(workers: Int) throws {
        Workers.count = workers
        let golden = try GoldenFile(named: "layernorm.bin")
        let (N, C) = (golden.shape("N"), golden.shape("C"))
        let inp = try golden.floats("inp"), weight = try golden.floats("weight"), bias = try golden.floats("bias")
        var out = [Float](repeating: .nan, count: N * C), mean = [Float](repeating: .nan, count: N)
        var rstd = mean
        LayerNorm.forward(out: &out, mean: &mean, rstd: &rstd, inp: inp, weight: weight, bias: bias, N: N, C: C)
        checkTensor(out, try golden.floats("out"), "layernorm out")
        checkTensor(mean, try golden.floats("mean"), "mean")
        checkTensor(rstd, try golden.floats("rstd"), "rstd")
        let dout = try golden.floats("dout")
        let grads = Self.accumulated([N * C, C, C], seed: 2) { g in
            LayerNorm.backward(
                dInp: g[0], dWeight: g[1], dBias: g[2], dOut: dout, inp: inp, weight: weight,
                mean: mean, rstd: rstd, N: N, C: C)
        }
        checkTensor(grads[0], try golden.floats("dinp"), "dinp")
        checkTensor(grads[1], try golden.floats("dweight"), "dweight")
        checkTensor(grads[2], try golden.floats("dbias"), "dbias")
    }

    @Test(arguments: [(1, "blas"), (3, "blas"), (1, "naive"), (2, "row-invariant")])
    func matmulMatchesNumPy(workers: Int, variant: String) throws {
        let naive = variant == "naive"
        Workers.count = workers
        let golden = try GoldenFile(named: "matmul.bin")
        let (N, C, OC) = (golden.shape("N"), golden.shape("C"), golden.shape("OC"))
        let inp = try golden.floats("inp"), weight = try golden.floats("weight"), bias = try golden.floats("bias")
        var out = [Float](repeating: .nan, count: N * OC)
        if naive {
            Matmul.forwardNaive(out: &out, inp: inp, weight: weight, bias: bias, N: N, C: C, OC: OC)
        } else if variant == "row-invariant" {
            Matmul.forwardRowInvariant(out: &out, inp: inp, weight: weight, bias: bias, N: N, C: C, OC: OC)
        } else {
            Matmul.forward(out: &out, inp: inp, weight: weight, bias: bias, N: N, C: C, OC: OC)
        }
        checkTensor(out, try golden.floats("out"), "matmul out")
        let dout = try golden.floats("dout")
        let grads = Self.accumulated([N * C, OC * C, OC], seed: 3) { g in
            if naive {
                Matmul.backwardNaive(dInp: g[0], dWeight: g[1], dBias: g[2], dOut: dout, inp: inp, weight: weight, N: N, C: C, OC: OC)
            } else {
                Matmul.backward(dInp: g[0], dWeight: g[1], dBias: g[2], dOut: dout, inp: inp, weight: weight, N: N, C: C, OC: OC)
            }
        }
        checkTensor(grads[0], try golden.floats("dinp"), "dinp")
        checkTensor(grads[1], try golden.floats("dweight"), "dweight")
        checkTensor(grads[2], try golden.floats("dbias"), "dbias")
    }

    @Test(arguments: [1, 4])
    func attentionMatchesNumPy(workers: Int) throws {
        Workers.count = workers
        let golden = try GoldenFile(named: "attention.bin")
        let (B, T, C, NH) = (golden.shape("B"), golden.shape("T"), golden.shape("C"), golden.shape("NH"))
        let qkv = try golden.floats("qkv")
        var out = [Float](repeating: .nan, count: B * T * C), att = [Float](repeating: .nan, count: B * NH * T * T)
        Attention.forward(out: &out, att: &att, qkv: qkv, B: B, T: T, C: C, NH: NH)
        checkTensor(out, try golden.floats("out"), "attention out")
        checkTensor(att, try golden.floats("att"), "att")
        let dout = try golden.floats("dout")
        let grads = Self.accumulated([B * T * 3 * C], seed: 4) { g in
            Attention.backward(dQKV: g[0], dOut: dout, qkv: qkv, att: att, B: B, T: T, C: C, NH: NH)
        }
        checkTensor(grads[0], try golden.floats("dqkv"), "dqkv")
    }

    @Test(arguments: [1, 2])
    func geluMatchesNumPy(workers: Int) throws {
        Workers.count = workers
        let golden = try GoldenFile(named: "gelu.bin")
        let N = golden.shape("N")
        let inp = try golden.floats("inp")
        var out = [Float](repeating: .nan, count: N)
        GELU.forward(out: &out, inp: inp, N: N)
        checkTensor(out, try golden.floats("out"), "gelu out")
        let dout = try golden.floats("dout")
        let grads = Self.accumulated([N], seed: 5) { g in GELU.backward(dInp: g[0], inp: inp, dOut: dout, N: N) }
        checkTensor(grads[0], try golden.floats("dinp"), "dinp")
    }

    @Test(arguments: [1, 3])
    func softmaxCrossEntropyMatchesNumPy(workers: Int) throws {
        Workers.count = workers
        let golden = try GoldenFile(named: "softmax_cross_entropy.bin")
        let (N, V) = (golden.shape("N"), golden.shape("V"))
        var buffer = try golden.floats("logits")  // probs are written over the logits, as the model does
        let targets = try golden.ints("targets")
        var losses = [Float](repeating: .nan, count: N), entropies = losses
        buffer.withUnsafeMutableBufferPointer { b in
            SoftmaxCrossEntropy.forward(
                losses: &losses, probs: b.baseAddress!, entropies: &entropies, logits: b.baseAddress!,
                targets: targets, N: N, V: V)
        }
        checkTensor(losses, try golden.floats("losses"), "losses")
        checkTensor(buffer, try golden.floats("probs"), "probs")
        checkTensor(entropies, try golden.floats("entropies"), "entropies")
        buffer.withUnsafeMutableBufferPointer { b in
            SoftmaxCrossEntropy.backward(
                dLogits: b.baseAddress!, probs: b.baseAddress!, entropies: entropies,
                dLosses: try! golden.floats("dlosses"), dEntropies: try! golden.floats("dentropies"),
                targets: targets, N: N, V: V)
        }
        checkTensor(buffer, try golden.floats("dlogits"), "dlogits")
    }

    @Test func residualAddsAndAccumulates() {
        let a: [Float] = (0..<11).map { Float($0) }, b: [Float] = (0..<11).map { Float($0) * 0.5 }
        var out = [Float](repeating: 0, count: 11)
        Residual.forward(out: &out, a: a, b: b, N: 11)
        #expect(out == (0..<11).map { Float($0) * 1.5 })
        var dA = [Float](repeating: 1, count: 11), dB = [Float](repeating: 2, count: 11)
        Residual.backward(dA: &dA, dB: &dB, dOut: a, N: 11)
        #expect(dA == a.map { $0 + 1 } && dB == a.map { $0 + 2 })
    }
}
