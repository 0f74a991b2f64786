import Foundation
import LanguageModel
import Testing

@Suite("Checkpoints")
struct CheckpointTests {
    static func temporaryPath(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aigq-lm-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    static func vocabulary(_ words: [String]) -> Vocabulary {
        try! Vocabulary(tokens: ["<pad>", "<unk>"] + words, kinds: [.special, .special] + words.map { _ in .word })
    }

    static let config = TransformerConfig(vocabularySize: 6, channels: 8, layers: 2, heads: 2, contextLength: 5)

    @Test func roundTripRestoresTheSameModel() throws {
        let vocabulary = Self.vocabulary(["red", "blue", "shoe", "hat"])
        let model = try Transformer(config: Self.config, seed: 9)
        let path = Self.temporaryPath("model.ckpt")
        try Checkpoint(model: model, vocabulary: vocabulary, step: 42).write(to: path)
        let checkpoint = try Checkpoint.read(from: path)
        #expect(checkpoint.step == 42 && checkpoint.config == Self.config && checkpoint.vocabulary == vocabulary)
        let restored = try checkpoint.load(config: Self.config, vocabulary: vocabulary)
        #expect(Array(restored.parameters.pointer) == Array(model.parameters.pointer))
        let tokens: [Int32] = [1, 2, 3, 4, 5]
        try model.forward(tokens: tokens, batchSize: 1, length: 5)
        try restored.forward(tokens: tokens, batchSize: 1, length: 5)
        #expect(model.logits == restored.logits)
    }

    @Test func loadingSaysWhatDiffers() throws {
        let vocabulary = Self.vocabulary(["red", "blue", "shoe", "hat"])
        let path = Self.temporaryPath("model.ckpt")
        try Checkpoint(model: try Transformer(config: Self.config, seed: 9), vocabulary: vocabulary, step: 1).write(to: path)
        var wider = Self.config
        wider.channels = 16
        let other = Self.vocabulary(["red", "blue", "shoe", "cap"])
        let error = #expect(throws: LanguageModelError.self) {
            try Checkpoint.read(from: path).load(config: wider, vocabulary: other)
        }
        #expect(error?.code == .checkpointMismatch)
        #expect(error?.message.contains("channels is 8 in the checkpoint, 16 wanted") == true)
        #expect(error?.message.contains("(1 tokens added, 1 removed)") == true)
    }

    @Test func damagedFilesAreRefusedWithAReason() throws {
        let path = Self.temporaryPath("model.ckpt")
        let vocabulary = Self.vocabulary(["red", "blue", "shoe", "hat"])
        try Checkpoint(model: try Transformer(config: Self.config, seed: 9), vocabulary: vocabulary, step: 1).write(to: path)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count - 3).write(to: URL(fileURLWithPath: path))
        let truncated = #expect(throws: LanguageModelError.self) { try Checkpoint.read(from: path) }
        #expect(truncated?.message.contains("is truncated") == true)
        bytes[0] = UInt8(ascii: "X")
        try bytes.write(to: URL(fileURLWithPath: path))
        let foreign = #expect(throws: LanguageModelError.self) { try Checkpoint.read(from: path) }
        #expect(foreign?.message == "Checkpoint '\(path)' does not start with AIGQCKPT; it is not an AIGQ checkpoint.")
    }

    /// Yesterday's vocabulary [red blue shoe hat]; today's [hat red cap shoe boot]: rows follow their tokens.
    @Test func warmStartCopiesRowsByTokenAndInitialisesNewOnes() throws {
        let old = Self.vocabulary(["red", "blue", "shoe", "hat"])
        let new = Self.vocabulary(["hat", "red", "cap", "shoe", "boot"])
        let model = try Transformer(config: Self.config, seed: 9)
        var grown = Self.config
        grown.vocabularySize = new.count
        grown.contextLength = 7
        let (started, report) = try Checkpoint(model: model, vocabulary: old, step: 3)
            .warmStart(config: grown, vocabulary: new, seed: 5)
        #expect(report == WarmStartReport(exact: false, copiedTokens: 5, newTokens: 2, droppedTokens: 1, copiedPositions: 5))
        let C = Self.config.channels
        let oldRows = model.values(of: .tokenEmbedding), newRows = started.values(of: .tokenEmbedding)
        func row(_ values: [Float], _ id: Int) -> ArraySlice<Float> { values[(id * C)..<((id + 1) * C)] }
        for (newID, oldID) in [(0, 0), (1, 1), (2, 5), (3, 2), (5, 4)] {
            #expect(row(newRows, newID) == row(oldRows, oldID), "token \(new.entries[newID].token)")
        }
        let fresh = try Transformer(config: grown, seed: 5).values(of: .tokenEmbedding)
        #expect(row(newRows, 4) == row(fresh, 4) && row(newRows, 6) == row(fresh, 6))
        #expect(started.values(of: .fcWeight) == model.values(of: .fcWeight))
        #expect(started.values(of: .positionEmbedding).prefix(5 * C) == model.values(of: .positionEmbedding)[...])
    }

    @Test func warmStartRefusesADifferentShape() throws {
        let vocabulary = Self.vocabulary(["red", "blue", "shoe", "hat"])
        var deeper = Self.config
        deeper.layers = 3
        let error = #expect(throws: LanguageModelError.self) {
            try Checkpoint(model: try Transformer(config: Self.config, seed: 9), vocabulary: vocabulary, step: 1)
                .warmStart(config: deeper, vocabulary: vocabulary, seed: 1)
        }
        #expect(error?.message == "The checkpoint does not fit: layers is 2 in the checkpoint, 3 wanted.")
    }
}
