// The whole model against the NumPy reference (Tests/Python/make_model_golden.py), test_gpt2.c style:
// logits, loss, every parameter gradient by name, then AdamW steps with clipping.
import Kernels
import LanguageModel
import Testing

@Suite("Model golden")
struct ModelGoldenTests {
    static func load() throws -> (GoldenFile, Transformer) {
        let golden = try GoldenFile(named: "model.bin")
        let config = TransformerConfig(
            vocabularySize: golden.shape("V"), channels: golden.shape("C"), layers: golden.shape("L"),
            heads: golden.shape("NH"), contextLength: golden.shape("maxT"))
        return (golden, try Transformer(config: config, parameters: try golden.floats("parameters")))
    }

    @Test(arguments: [1, 2])
    func logitsLossAndEveryGradientMatchNumPy(workers: Int) throws {
        Workers.count = workers
        let (golden, model) = try Self.load()
        let (B, T) = (golden.shape("B"), golden.shape("T"))
        let loss = try model.forward(
            tokens: try golden.ints("tokens"), targets: try golden.ints("targets"), batchSize: B, length: T,
            options: .keepLogits)
        checkTensor(model.logits, try golden.floats("logits"), "logits", absolute: 1e-4, relative: 1e-4)
        checkTensor([loss], try golden.floats("loss"), "loss", absolute: 1e-5, relative: 1e-5)
        model.zeroGradients()
        try model.backward()
        for tensor in ParameterTensor.allCases {
            checkTensor(
                model.gradient(of: tensor), try golden.floats("grad.\(tensor)"), "grad.\(tensor)",
                absolute: 2e-5, relative: 1e-3)
        }
    }

    @Test func adamWStepsMatchNumPy() throws {
        let (golden, model) = try Self.load()
        let (B, T) = (golden.shape("B"), golden.shape("T"))
        let adamw = golden.header["adamw"] as? [String: Any] ?? [:]
        let number = { (key: String) in Float((adamw[key] as? Double) ?? .nan) }
        var optimizer = AdamW(
            beta1: number("beta1"), beta2: number("beta2"), epsilon: number("eps"), weightDecay: number("weight_decay"))
        var losses: [Float] = [], norms: [Float] = []
        for _ in 0..<(adamw["steps"] as? Int ?? 0) {
            losses.append(
                try model.forward(tokens: try golden.ints("tokens"), targets: try golden.ints("targets"), batchSize: B, length: T))
            model.zeroGradients()
            try model.backward()
            norms.append(model.clipGradients(maxNorm: number("clip_norm")))
            optimizer.update(model, learningRate: number("lr"))
        }
        checkTensor(losses, try golden.floats("step_losses"), "step losses", absolute: 1e-4, relative: 1e-4)
        checkTensor(norms, try golden.floats("step_norms"), "step gradient norms", absolute: 1e-4, relative: 1e-3)
        // The key bias gets no gradient in exact arithmetic (softmax ignores a shift shared by all keys), so
        // its fp32 gradient is rounding noise that Adam's normalisation blows up to ±lr per step; it is
        // compared against its start instead: it may move by at most steps·lr.
        var actual = Array(model.parameters.pointer), expected = try golden.floats("final_parameters")
        let start = try golden.floats("parameters")
        let C = model.config.channels
        for l in 0..<model.config.layers {
            let keyBias = model.layout.range(of: .qkvBias, layer: l).lowerBound + C
            for i in keyBias..<(keyBias + C) {
                #expect(abs(actual[i] - start[i]) <= Float(losses.count) * number("lr") * 1.01 + 1e-6)
                actual[i] = 0
                expected[i] = 0
            }
        }
        checkTensor(actual, expected, "parameters after the steps", absolute: 1e-4, relative: 1e-3)
    }
}
