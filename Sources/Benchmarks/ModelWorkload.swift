// The work `aigq bench model` times on our side (the PyTorch peer does the same in
// Tests/Python/bench_model_peer.py): training steps, batched generation, and one GRPO-shaped step.
import Foundation
import Kernels
public import LanguageModel

/// One model benchmark configuration (issue 6): S and M.
public struct ModelBenchConfig: Sendable, Hashable {
    /// `S` or `M`.
    public var name: String
    /// The transformer shape.
    public var model: TransformerConfig
    /// Sequences per training batch.
    public var batch: Int

    /// S: vocab 8192, d 128, 4 layers, 4 heads, context 64; M: vocab 16384, d 256, 6 layers, 8 heads, context 128.
    public static let all = [
        ModelBenchConfig(
            name: "S", model: TransformerConfig(vocabularySize: 8192, channels: 128, layers: 4, heads: 4, contextLength: 64),
            batch: 32),
        ModelBenchConfig(
            name: "M", model: TransformerConfig(vocabularySize: 16384, channels: 256, layers: 6, heads: 8, contextLength: 128),
            batch: 32),
    ]

    /// Sequences generated at once, and new tokens per sequence.
    public static let generationBatch = 64
    public static let newTokens = 64

    /// Prompt tokens before generation: as many as fit beside 64 new tokens, at most 16 (S: 1, M: 16).
    public var promptLength: Int { max(1, min(16, model.contextLength - Self.newTokens + 1)) }

    /// Training FLOPs per token (nanoGPT's estimate: 6·N + 12·L·C·T, N without the position table).
    public var trainingFlopsPerToken: Double {
        let layout = ParameterLayout(config: model)
        let n = Double(layout.count - layout.range(of: .positionEmbedding).count)
        return 6 * n + 12 * Double(model.layers * model.channels * model.contextLength)
    }
}

/// Runs one timed task in this process.
public enum ModelWorkload {
    /// What a task measures.
    public enum Task: String, Sendable, CaseIterable {
        case train, generate, grpo, sgemm
    }

    /// Seconds of work and units done (tokens trained, tokens generated, FLOPs for sgemm).
    public struct Measurement: Sendable {
        public var seconds: Double
        public var units: Double
    }

    /// The OpenBLAS kernel family this process uses (OPENBLAS_CORETYPE or detected).
    public static var blasCore: String { BLAS.coreName }

    /// Runs `task` on `config` with `threads` workers: one untimed warm-up, then `steps` timed repetitions.
    public static func run(task: Task, config: ModelBenchConfig, threads: Int, steps: Int) throws -> Measurement {
        Workers.count = threads
        switch task {
        case .sgemm: return sgemm(config: config, steps: steps)
        case .train: return try train(config: config, steps: steps)
        case .generate: return try generate(config: config, steps: steps)
        case .grpo: return try grpo(config: config, steps: steps)
        }
    }

    static func clock() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    static func randomTokens(_ count: Int, vocabulary: Int, seed: UInt64) -> [Int32] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in Int32(generator.next() % UInt64(vocabulary)) }
    }

    /// The ceiling: the rate of the training step's largest GEMM shape (B·T × C → V, the head) on our workers.
    static func sgemm(config: ModelBenchConfig, steps: Int) -> Measurement {
        let (N, C, OC) = (config.batch * config.model.contextLength, config.model.channels, config.model.vocabularySize)
        let inp = FloatBufferLite(N * C), weight = FloatBufferLite(OC * C), out = FloatBufferLite(N * OC)
        Matmul.forward(out: out.pointer, inp: inp.pointer, weight: weight.pointer, bias: nil, N: N, C: C, OC: OC)
        let start = clock()
        for _ in 0..<steps {
            Matmul.forward(out: out.pointer, inp: inp.pointer, weight: weight.pointer, bias: nil, N: N, C: C, OC: OC)
        }
        return Measurement(seconds: clock() - start, units: Double(steps) * 2 * Double(N * C * OC))
    }

    static func train(config: ModelBenchConfig, steps: Int) throws -> Measurement {
        let (B, T, V) = (config.batch, config.model.contextLength, config.model.vocabularySize)
        let model = try Transformer(config: config.model, seed: 1)
        var optimizer = AdamW()
        let stream = randomTokens(B * T + 1, vocabulary: V, seed: 2)
        let tokens = Array(stream[0..<(B * T)]), targets = Array(stream[1...(B * T)])
        func step() throws {
            try model.forward(tokens: tokens, targets: targets, batchSize: B, length: T)
            model.zeroGradients()
            try model.backward()
            model.clipGradients(maxNorm: 1)
            optimizer.update(model, learningRate: 1e-4)
        }
        try step()
        let start = clock()
        for _ in 0..<steps { try step() }
        return Measurement(seconds: clock() - start, units: Double(steps * B * T))
    }

    static func prompts(config: ModelBenchConfig) -> [[Int32]] {
        let G = ModelBenchConfig.generationBatch, P = config.promptLength
        let flat = randomTokens(G * P, vocabulary: config.model.vocabularySize, seed: 3)
        return (0..<G).map { Array(flat[($0 * P)..<(($0 + 1) * P)]) }
    }

    /// 64 sequences × 64 new tokens, temperature 1, top-k 100, no stop token.
    static func generate(config: ModelBenchConfig, steps: Int) throws -> Measurement {
        let model = try Transformer(config: config.model, seed: 1)
        let requests = prompts(config: config).enumerated().map { GenerationRequest(prompt: $1, seed: UInt64($0)) }
        let options = SamplingOptions(temperature: 1, topK: 100, maxNewTokens: ModelBenchConfig.newTokens)
        let cache = KVCache(config: config.model, slots: requests.count)
        _ = try model.generate(requests, options: options, cache: cache)
        let start = clock()
        var produced = 0
        for _ in 0..<steps { produced += try model.generate(requests, options: options, cache: cache).reduce(0) { $0 + $1.count } }
        return Measurement(seconds: clock() - start, units: Double(produced))
    }

    /// Sample 64 completions of 64 tokens, their log-probabilities (head at completion positions only),
    /// a per-token weighted backward (random advantages), AdamW.
    static func grpo(config: ModelBenchConfig, steps: Int) throws -> Measurement {
        let model = try Transformer(config: config.model, seed: 1)
        var optimizer = AdamW()
        let prompts = prompts(config: config)
        let options = SamplingOptions(temperature: 1, topK: 100, maxNewTokens: ModelBenchConfig.newTokens)
        let cache = KVCache(config: config.model, slots: prompts.count)
        let length = config.promptLength + ModelBenchConfig.newTokens - 1
        var round: UInt64 = 0
        func step() throws {
            round += 1
            let requests = prompts.enumerated().map { GenerationRequest(prompt: $1, seed: round &* 1000 &+ UInt64($0)) }
            let completions = try model.generate(requests, options: options, cache: cache)
            let (tokens, targets) = try TokenBatch.promptCompletion(
                prompts: prompts, completions: completions, length: length, pad: 0)
            try model.forward(tokens: tokens, targets: targets, batchSize: prompts.count, length: length, options: .entropies)
            var generator = SplitMix64(seed: round)
            let weights = model.headRows.map { _ in Float(generator.unit() * 2 - 1) / Float(model.headRows.count) }
            model.zeroGradients()
            try model.backward(logProbabilityWeights: weights)
            model.clipGradients(maxNorm: 1)
            optimizer.update(model, learningRate: 1e-5)
        }
        try step()
        let start = clock()
        for _ in 0..<steps { try step() }
        return Measurement(seconds: clock() - start, units: Double(steps))
    }
}

/// Raw floats for the sgemm ceiling (filled with a pattern, freed on deinit).
final class FloatBufferLite {
    let pointer: UnsafeMutablePointer<Float>
    init(_ count: Int) {
        pointer = .allocate(capacity: count)
        for i in 0..<count { pointer[i] = Float(i % 17) * 0.01 - 0.08 }
    }
    deinit { pointer.deallocate() }
}
