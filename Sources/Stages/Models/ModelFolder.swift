import Foundation
import LanguageModel

/// One trained model as the `sft` stage leaves it in a model folder: the checkpoint and the prompt
/// compression it was trained with (from its training log).
struct TrainedModel {
    /// The model.
    let model: Transformer
    /// Its vocabulary.
    let vocabulary: Vocabulary
    /// The prompt compression of its training examples.
    let compression: PromptCompression

    /// Loads `variant` from the files of a model folder.
    static func load(_ variant: ModelVariant, files: [String], dataset: String) throws -> TrainedModel {
        func file(_ name: String) throws -> String {
            guard let path = files.first(where: { ($0 as NSString).lastPathComponent == name }) else {
                throw StageError(
                    .badInput,
                    "the \(dataset) input has no '\(name)'; train \(variant.rawValue) first (the sft stage's 'models' param) or drop it from this stage's 'models'")
            }
            return path
        }
        let checkpoint: Checkpoint
        do {
            checkpoint = try Checkpoint.read(from: try file(variant.checkpointFile))
        } catch let error as LanguageModelError {
            throw StageError(.badInput, error.message)
        }
        let logPath = try file(variant.trainingLogFile)
        guard let data = FileManager.default.contents(atPath: logPath),
            let log = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let prompt = log["prompt"] as? [String: Any], let history = prompt["history"] as? Int, let words = prompt["words"] as? Int
        else {
            throw StageError(.badInput, "'\(logPath)' has no prompt settings (prompt.history, prompt.words); rerun the sft stage")
        }
        let model = try Transformer(config: checkpoint.config, parameters: checkpoint.parameters)
        return TrainedModel(model: model, vocabulary: checkpoint.vocabulary, compression: PromptCompression(behaviours: history, words: words))
    }
}
