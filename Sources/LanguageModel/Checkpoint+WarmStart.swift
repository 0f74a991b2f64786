// Warm start: yesterday's checkpoint under today's vocabulary.
//
// The rule: width, depth and heads must match. Every tensor but the embeddings is copied. Embedding
// rows are matched by (token, kind): a token both vocabularies share keeps its trained row (whatever
// its id now), a new token keeps its fresh initialisation (seeded, as a new model), a removed token's
// row is dropped. Position rows are copied up to the shorter context; extra rows stay fresh.

/// What a warm start copied.
public struct WarmStartReport: Sendable, Hashable, CustomStringConvertible {
    /// The checkpoint fitted exactly; every parameter was loaded as saved.
    public var exact: Bool
    /// Embedding rows copied by token.
    public var copiedTokens: Int
    /// Tokens with a fresh row.
    public var newTokens: Int
    /// Checkpoint tokens the new vocabulary lacks.
    public var droppedTokens: Int
    /// Position rows copied.
    public var copiedPositions: Int

    /// A report with these counts.
    public init(exact: Bool, copiedTokens: Int, newTokens: Int, droppedTokens: Int, copiedPositions: Int) {
        self.exact = exact
        self.copiedTokens = copiedTokens
        self.newTokens = newTokens
        self.droppedTokens = droppedTokens
        self.copiedPositions = copiedPositions
    }

    public var description: String {
        exact
            ? "warm start: exact fit"
            : "warm start: \(copiedTokens) token rows copied, \(newTokens) new, \(droppedTokens) dropped; "
                + "\(copiedPositions) position rows copied"
    }
}

extension Checkpoint {
    /// A model for `config` and `vocabulary` that starts from this checkpoint (the rule above).
    /// - Throws: a `.checkpointMismatch` error when channels, layers or heads differ.
    public func warmStart(
        config wanted: TransformerConfig, vocabulary wantedVocabulary: Vocabulary, seed: UInt64
    ) throws(LanguageModelError) -> (Transformer, WarmStartReport) {
        guard wantedVocabulary.count == wanted.vocabularySize else {
            throw .mismatch(["vocabulary has \(wantedVocabulary.count) tokens, the config \(wanted.vocabularySize)"])
        }
        let shapeDifferences = differences(config: wanted, vocabulary: wantedVocabulary).filter {
            $0.hasPrefix("channels") || $0.hasPrefix("layers") || $0.hasPrefix("heads")
        }
        guard shapeDifferences.isEmpty else { throw .mismatch(shapeDifferences) }
        if differences(config: wanted, vocabulary: wantedVocabulary).isEmpty {
            let model = try Transformer(config: config, parameters: parameters)
            return (
                model,
                WarmStartReport(
                    exact: true, copiedTokens: vocabulary.count, newTokens: 0, droppedTokens: 0,
                    copiedPositions: config.contextLength)
            )
        }
        let model = try Transformer(config: wanted, seed: seed)
        let oldLayout = ParameterLayout(config: config)
        let C = wanted.channels
        var report = WarmStartReport(exact: false, copiedTokens: 0, newTokens: 0, droppedTokens: 0, copiedPositions: 0)
        for tensor in ParameterTensor.allCases {
            let source = oldLayout.range(of: tensor)
            let target = model.layout.range(of: tensor)
            switch tensor {
            case .tokenEmbedding:
                for (newID, entry) in wantedVocabulary.entries.enumerated() {
                    guard let oldID = vocabulary.id(of: entry.token, kind: entry.kind) else {
                        report.newTokens += 1
                        continue
                    }
                    for i in 0..<C {
                        model.parameters.pointer[target.lowerBound + newID * C + i] =
                            parameters[source.lowerBound + Int(oldID) * C + i]
                    }
                    report.copiedTokens += 1
                }
                report.droppedTokens = vocabulary.count - report.copiedTokens
            case .positionEmbedding:
                report.copiedPositions = min(config.contextLength, wanted.contextLength)
                for i in 0..<(report.copiedPositions * C) {
                    model.parameters.pointer[target.lowerBound + i] = parameters[source.lowerBound + i]
                }
            default:
                for i in 0..<source.count {
                    model.parameters.pointer[target.lowerBound + i] = parameters[source.lowerBound + i]
                }
            }
        }
        return (model, report)
    }
}
