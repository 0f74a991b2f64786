import Foundation
import Columnar
import LanguageModel

/// The training examples of one model: the samples of its variant in the window of days, compressed
/// to fit the context, encoded, and split by user into training and held-out sets.
struct SFTExamples {
    /// Training examples, in (day, user, ts) order.
    var train: [TrainingExample] = []
    /// How many training examples come from the task's own day.
    var trainToday = 0
    /// Held-out examples (users whose hash falls in the held-out share).
    var heldOut: [TrainingExample] = []
    /// Samples dropped because their target alone does not fit the context.
    var dropped = 0

    /// Mean tokens of a training example (prompt + completion): what a step costs, relatively.
    var meanLength: Double {
        train.isEmpty ? 0 : Double(train.reduce(0) { $0 + $1.prompt.count + $1.completion.count }) / Double(train.count)
    }

    /// Reads the `sft_samples` files of `variant` and builds the examples.
    /// - Parameters:
    ///   - files: the window's `sft_samples` files (any days).
    ///   - day: the task's day (today's examples are counted apart).
    ///   - heldOutShare: the share of users (by hash) held out, 0…0.5.
    static func load(
        files: [String], variant: ModelVariant, day: String, compression: PromptCompression, contextLength: Int,
        heldOutShare: Double, encoder: inout TokenEncoder
    ) throws -> SFTExamples {
        var out = SFTExamples()
        let threshold = UInt64(heldOutShare * 1_000_000)
        for path in DatasetFiles.parquet(files).sorted(by: { (DatasetFiles.day(of: $0) ?? "", $0) < (DatasetFiles.day(of: $1) ?? "", $1) }) {
            let isToday = DatasetFiles.day(of: path) == day
            for batch in try DatasetFiles.read(path, schema: DatasetSchemas.sftSamples) {
                let users = try batch.int64s("user"), variants = try batch.strings("variant")
                let prompts = try batch.stringLists("prompt"), targets = try batch.stringLists("target")
                for row in 0..<batch.rowCount where variants.string(at: row) == variant.sampleVariant {
                    let prompt = (prompts.offsets[row]..<prompts.offsets[row + 1]).map { prompts.elements.string(at: $0) }
                    let target = (targets.offsets[row]..<targets.offsets[row + 1]).map { targets.elements.string(at: $0) }
                    guard let example = fit(prompt: prompt, target: target, compression: compression, contextLength: contextLength, encoder: &encoder)
                    else {
                        out.dropped += 1
                        continue
                    }
                    if userHash(users[row]) % 1_000_000 < threshold {
                        out.heldOut.append(example)
                    } else {
                        out.train.append(example)
                        if isToday { out.trainToday += 1 }
                    }
                }
            }
        }
        return out
    }

    /// The example of one sample: the prompt compressed, then cut by more behaviours until prompt and
    /// target fit `contextLength`; `nil` when even an empty history does not fit.
    static func fit(
        prompt: [String], target: [String], compression: PromptCompression, contextLength: Int, encoder: inout TokenEncoder
    ) -> TrainingExample? {
        var keep = compression.behaviours
        while keep >= 0 {
            let compressed = compression.compress(prompt, keep: keep)
            let kept = PromptCompression.indices(in: compressed)
            let ids = encoder.encode(compressed)
            let completion = encoder.encode(PromptCompression.dropMissingTriggers(target, kept: kept))
            if ids.count + completion.count - 1 <= contextLength {
                return TrainingExample(prompt: ids, completion: completion)
            }
            keep = min(keep - 1, PromptCompression.split(compressed).blocks.count - 1)
        }
        return nil
    }

    /// A stable 64-bit hash of a user id: the first output of ``SplitMix64`` seeded with it.
    static func userHash(_ user: Int64) -> UInt64 {
        var generator = SplitMix64(seed: UInt64(bitPattern: user))
        return generator.next()
    }
}

/// The cross-entropy of a unigram model of the completion tokens: the bar a trained model must clear.
enum UnigramBaseline {
    /// Mean per-token loss on `heldOut` of the add-one smoothed unigram distribution of `train`'s
    /// completion tokens over a vocabulary of `vocabularySize`.
    static func loss(train: [TrainingExample], heldOut: [TrainingExample], vocabularySize: Int) -> Double {
        var counts = [Double](repeating: 1, count: vocabularySize)
        var total = Double(vocabularySize)
        for example in train {
            for token in example.completion {
                counts[Int(token)] += 1
                total += 1
            }
        }
        var loss = 0.0, n = 0
        for example in heldOut {
            for token in example.completion {
                loss -= log(counts[Int(token)] / total)
                n += 1
            }
        }
        return n == 0 ? 0 : loss / Double(n)
    }
}
