import Foundation
import Kernels
import Synchronization
import LanguageModel
public import PipelineCore

/// `sft` (per day): IL-SFT of the Direct and Think models and the plain-SFT ablation (spec §4).
///
/// Inputs: `sft_samples` (a window of days ending on the task's day D), `vocab` (day D) and
/// `model_sft` of D-1 (its own output of the day before; absent on the first day). Output
/// `model_sft`: per model `<name>.ckpt` (config, vocabulary, weights) and `<name>.training.json`
/// (examples, warm start, loss curve, held-out loss before and after, the unigram bar).
///
/// A model with yesterday's checkpoint warm-starts from it (``Checkpoint/warmStart(config:vocabulary:seed:)``:
/// rows of shared tokens kept, new tokens fresh) and takes `warm_steps` steps at `warm_lr`; a model
/// without one starts fresh and takes `steps` steps at `lr`. Nothing is trained until the window
/// holds `min_days` days of samples (a new workspace's first days): `not_trained.json` says so, and
/// `direct` then writes no lists (export falls back to a baseline). Batches are drawn from the whole window
/// (epochs of a seeded order), so a warm start also replays older days. Prompts are compressed
/// to fit the context (``PromptCompression``). Same inputs, params and seed ⇒ identical bytes.
public struct SFTStage: Stage {
    /// The kind `sft`.
    public static let kind = StageKindInfo(
        name: "sft", codeVersion: 1,
        params: [
            ParamSpec("models", .string, default: "direct_il_sft,think_il_sft,direct_sft", description: "Models to train: direct_il_sft (Direct samples), think_il_sft (Think samples), direct_sft (plain ablation)."),
            ParamSpec("channels", .int, default: 128, description: "Model width d."),
            ParamSpec("layers", .int, default: 4, description: "Transformer blocks."),
            ParamSpec("heads", .int, default: 4, description: "Attention heads."),
            ParamSpec("context", .int, default: 160, description: "Context length in tokens (prompt + target)."),
            ParamSpec("history", .int, default: 8, description: "Newest behaviours kept in a prompt (prompt compression; fewer when prompt + target do not fit)."),
            ParamSpec("words", .int, default: 4, description: "Word tokens kept per behaviour."),
            ParamSpec("batch", .int, default: 16, description: "Examples per optimiser step."),
            ParamSpec("lr", .double, default: 2e-3, description: "Peak learning rate of a fresh start (AdamW; warm-up, then cosine decay to a tenth)."),
            ParamSpec("steps", .int, default: 400, description: "Optimiser steps of a fresh start, per model (batches drawn from the whole window)."),
            ParamSpec("warm_lr", .double, default: 5e-4, description: "Peak learning rate of a warm start (short warm-up, cosine decay)."),
            ParamSpec("warm_steps", .int, default: 80, description: "Optimiser steps of a warm start, per model."),
            ParamSpec("weight_decay", .double, default: 0.1, description: "AdamW weight decay."),
            ParamSpec("clip", .double, default: 1.0, description: "Gradient-norm clipping bound."),
            ParamSpec("holdout", .double, default: 0.05, description: "Share of users whose samples are held out for the held-out loss."),
            ParamSpec("min_days", .int, default: 7, description: "Days of samples the window must hold before the models are trained (before that: no checkpoints, a note in not_trained.json)."),
            ParamSpec("warm_start", .bool, default: true, description: "Start from yesterday's checkpoint when there is one."),
            ParamSpec("seed", .int, default: 1, description: "Seed of initialisation and batch order."),
        ],
        description: "IL-SFT of the Direct and Think models and the plain-SFT ablation, warm-started daily (spec §4).")

    /// The stage.
    public init() {}

    /// Trains the day's models.
    public func run(_ context: StageContext) throws -> StageResult {
        let day = try context.requireDay()
        let settings = try SFTSettings(context)
        let vocabulary = try VocabularyFile.read(context.files(of: "vocab"))
        let output = try context.outputFolder("model_sft")
        let previous = Dictionary(
            context.files(of: "model_sft").map { (($0 as NSString).lastPathComponent, $0) }, uniquingKeysWith: { a, _ in a })
        let log = TaskLog(context)
        let sampleDays = Set(DatasetFiles.parquet(context.files(of: "sft_samples")).compactMap(DatasetFiles.day(of:)))
        if sampleDays.count < settings.minDays {
            let note = "the window holds \(sampleDays.count) day(s) of sft_samples; training starts at min_days = \(settings.minDays)"
            log.line("not trained: " + note, force: true)
            try DatasetFiles.write(text: "{\"trained\": false, \"reason\": \"\(note)\"}\n", to: output + "/" + Self.notTrainedFile)
            return StageResult(rowsIn: 0, rowsOut: 0)
        }
        var encoder = TokenEncoder(vocabulary: vocabulary)
        var built: [(variant: ModelVariant, examples: SFTExamples, seed: UInt64)] = []
        for (index, variant) in settings.models.enumerated() {
            let examples = try SFTExamples.load(
                files: context.files(of: "sft_samples"), variant: variant, day: day, compression: settings.compression,
                contextLength: settings.config(vocabulary).contextLength, heldOutShare: settings.holdout, encoder: &encoder)
            built.append((variant, examples, UInt64(settings.seed) &* 0x9E37_79B9 &+ UInt64(index)))
        }
        let jobs = built
        let rowsIn = jobs.reduce(0) { $0 + $1.examples.train.count + $1.examples.heldOut.count + $1.examples.dropped }
        // The models train side by side, one per core (the kernels' own threads scale poorly at this size),
        // the most expensive first; each model's bytes do not depend on the thread count.
        let lanes = min(jobs.count, max(1, context.threads))
        Workers.count = max(1, context.threads / lanes)
        let order = jobs.indices.sorted { jobs[$0].examples.meanLength > jobs[$1].examples.meanLength }
        let next = Atomic<Int>(0)
        let failures = Mutex<[Int: any Error]>([:])
        let previousFiles = settings.warmStart ? previous : [:]
        DispatchQueue.concurrentPerform(iterations: lanes) { _ in
            while true {
                let position = next.add(1, ordering: .relaxed).oldValue
                guard position < order.count else { return }
                let job = jobs[order[position]]
                do {
                    let trained = try train(
                        job.variant, examples: job.examples, vocabulary: vocabulary,
                        previous: previousFiles[job.variant.checkpointFile], settings: settings, seed: job.seed, log: log)
                    try Checkpoint(model: trained.model, vocabulary: vocabulary, step: trained.step)
                        .write(to: output + "/" + job.variant.checkpointFile)
                    try DatasetFiles.write(text: trained.report, to: output + "/" + job.variant.trainingLogFile)
                } catch {
                    failures.withLock { $0[order[position]] = error }
                }
            }
        }
        if let first = failures.withLock({ $0.sorted { $0.key < $1.key }.first }) { throw first.value }
        return StageResult(rowsIn: rowsIn, rowsOut: settings.models.count)
    }

    private func train(
        _ variant: ModelVariant, examples: SFTExamples, vocabulary: Vocabulary, previous: String?, settings: SFTSettings,
        seed: UInt64, log: TaskLog
    ) throws -> (model: Transformer, step: Int, report: String) {
        let config = settings.config(vocabulary)
        var model: Transformer
        var warmNote = "fresh start"
        var startStep = 0
        if let previous {
            let checkpoint = try Checkpoint.read(from: previous)
            do {
                let (warm, report) = try checkpoint.warmStart(config: config, vocabulary: vocabulary, seed: seed)
                model = warm
                warmNote = report.description
                startStep = checkpoint.step
            } catch {
                model = try Transformer(config: config, seed: seed)
                warmNote = "fresh start: yesterday's checkpoint does not fit (\(error.message))"
            }
        } else {
            model = try Transformer(config: config, seed: seed)
        }
        let warm = previous != nil && startStep > 0
        let steps = examples.train.isEmpty ? 0 : (warm ? settings.warmSteps : settings.steps)
        let peak = Float(warm ? settings.warmLR : settings.lr)
        let schedule = LearningRateSchedule(
            maximum: peak, minimum: peak / 10, warmupSteps: min(50, max(1, steps / 10)), decaySteps: max(steps, 1))
        let trainer = SequenceTrainer(
            model: model,
            options: TrainingOptions(
                batchSize: settings.batch, schedule: schedule, maxGradientNorm: Float(settings.clip),
                weightDecay: Float(settings.weightDecay), seed: seed))
        let unigram = UnigramBaseline.loss(train: examples.train, heldOut: examples.heldOut, vocabularySize: vocabulary.count)
        let before = examples.heldOut.isEmpty ? nil : try trainer.meanLoss(examples.heldOut)
        log.line(
            "\(variant.rawValue): \(examples.train.count) training examples (\(examples.trainToday) today), "
                + "\(examples.heldOut.count) held out, \(examples.dropped) too long; \(warmNote); \(steps) steps", force: true)
        var curve: [[Double]] = []
        var window: [Float] = []
        let every = max(1, steps / 50)
        let started = Date()
        var tokens = 0
        try trainer.train(examples.train, steps: steps) { step in
            window.append(step.loss)
            tokens += step.tokens
            if step.step % every == 0 || step.step == step.totalSteps {
                let mean = Double(window.reduce(0, +)) / Double(window.count)
                curve.append([Double(step.step), Self.rounded(mean)])
                window = []
                let rate = Double(tokens) / max(Date().timeIntervalSince(started), 1e-9)
                log.line(
                    "\(variant.rawValue): step \(step.step)/\(step.totalSteps) loss \(String(format: "%.3f", mean)) "
                        + "lr \(String(format: "%.2e", step.learningRate)) (\(Int(rate)) target tok/s)")
            }
        }
        let after = examples.heldOut.isEmpty ? nil : try trainer.meanLoss(examples.heldOut)
        log.line(
            "\(variant.rawValue): held-out loss \(before.map { String(format: "%.3f", $0) } ?? "-") → "
                + "\(after.map { String(format: "%.3f", $0) } ?? "-") (unigram \(String(format: "%.3f", unigram))) in "
                + "\(String(format: "%.1f", Date().timeIntervalSince(started))) s", force: true)
        var report: [String: Any] = [
            "model": variant.rawValue, "samples": variant.sampleVariant, "steps": steps, "total_steps": startStep + steps,
            "warm_start": warmNote,
            "examples": ["train": examples.train.count, "train_today": examples.trainToday, "held_out": examples.heldOut.count, "dropped": examples.dropped],
            "config": ["vocabulary": config.vocabularySize, "channels": config.channels, "layers": config.layers, "heads": config.heads, "context": config.contextLength],
            "unigram_loss": Self.rounded(unigram), "curve": curve,
            "prompt": ["history": settings.compression.behaviours, "words": settings.compression.words],
        ]
        if let before { report["held_out_loss_before"] = Self.rounded(Double(before)) }
        if let after { report["held_out_loss_after"] = Self.rounded(Double(after)) }
        let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys, .prettyPrinted])
        return (model, startStep + steps, String(decoding: data, as: UTF8.self) + "\n")
    }

    /// The file written instead of checkpoints before the window holds `min_days` days of samples.
    static let notTrainedFile = "not_trained.json"

    static func rounded(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }
}

/// The `sft` params, checked.
struct SFTSettings {
    let models: [ModelVariant]
    let channels: Int, layers: Int, heads: Int, context: Int
    let compression: PromptCompression
    let batch: Int
    let lr: Double, warmLR: Double
    let steps: Int, warmSteps: Int
    let weightDecay: Double, clip: Double, holdout: Double
    let warmStart: Bool
    let seed: Int
    let minDays: Int

    init(_ context: StageContext) throws {
        models = try ModelVariant.list(context.stringParam("models"), param: "models")
        channels = try context.intParam("channels")
        layers = try context.intParam("layers")
        heads = try context.intParam("heads")
        self.context = try context.intParam("context")
        compression = PromptCompression(behaviours: try context.intParam("history"), words: try context.intParam("words"))
        batch = try context.intParam("batch")
        lr = try context.doubleParam("lr")
        warmLR = try context.doubleParam("warm_lr")
        steps = try context.intParam("steps")
        warmSteps = try context.intParam("warm_steps")
        weightDecay = try context.doubleParam("weight_decay")
        clip = try context.doubleParam("clip")
        holdout = try context.doubleParam("holdout")
        warmStart = try context.boolParam("warm_start")
        seed = try context.intParam("seed")
        minDays = try context.intParam("min_days")
        func require(_ ok: Bool, _ message: String) throws { if !ok { throw StageError(.badParam, message) } }
        try require(channels > 0 && heads > 0 && channels % heads == 0, "params 'channels' \(channels) and 'heads' \(heads): channels must be a positive multiple of heads")
        try require(layers > 0, "param 'layers' is \(layers); use 1 or more")
        try require((32...4096).contains(self.context), "param 'context' is \(self.context); use 32…4096")
        try require(compression.behaviours >= 0 && compression.words >= 1, "params 'history' (\(compression.behaviours)) and 'words' (\(compression.words)) must be ≥ 0 and ≥ 1")
        try require(batch >= 1, "param 'batch' is \(batch); use 1 or more")
        try require(lr > 0 && lr < 1 && warmLR > 0 && warmLR < 1, "params 'lr' (\(lr)) and 'warm_lr' (\(warmLR)) must lie in (0, 1), e.g. 2e-3")
        try require(steps >= 0 && warmSteps >= 0, "params 'steps' (\(steps)) and 'warm_steps' (\(warmSteps)) must not be negative")
        try require((0...0.5).contains(holdout), "param 'holdout' is \(holdout); use 0…0.5")
        try require(clip > 0, "param 'clip' is \(clip); use a positive bound")
    }

    /// The model config over `vocabulary`.
    func config(_ vocabulary: Vocabulary) -> TransformerConfig {
        TransformerConfig(vocabularySize: vocabulary.count, channels: channels, layers: layers, heads: heads, contextLength: context)
    }
}
