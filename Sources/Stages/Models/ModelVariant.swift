import Foundation

/// The models the `sft` stage trains, each from one `variant` of `sft_samples` (spec §3–4, §7).
enum ModelVariant: String, CaseIterable, Sendable {
    /// AIGQ-Direct with interest-guided labels (the `direct` samples).
    case directILSFT = "direct_il_sft"
    /// AIGQ-Think with interest groups and category rationales (the `think` samples).
    case thinkILSFT = "think_il_sft"
    /// The plain-SFT ablation: clicked and searched queries only, no re-ranking (the `plain` samples).
    case directSFT = "direct_sft"

    /// The `variant` value of its samples in `sft_samples`.
    var sampleVariant: String {
        switch self {
        case .directILSFT: "direct"
        case .thinkILSFT: "think"
        case .directSFT: "plain"
        }
    }

    /// The task token its prompts end with (before the count token).
    var taskToken: String { self == .thinkILSFT ? "<think>" : "<direct>" }

    /// The checkpoint's file name in a model folder.
    var checkpointFile: String { rawValue + ".ckpt" }

    /// The training log's file name in a model folder.
    var trainingLogFile: String { rawValue + ".training.json" }

    /// Parses a comma-separated list such as `direct_il_sft,direct_sft` (order kept, no repeats).
    static func list(_ text: String, param: String) throws -> [ModelVariant] {
        var out: [ModelVariant] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let variant = ModelVariant(rawValue: name) else {
                throw StageError(
                    .badParam,
                    "param '\(param)' names '\(name)'; use a comma-separated list of \(allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !out.contains(variant) { out.append(variant) }
        }
        guard !out.isEmpty else { throw StageError(.badParam, "param '\(param)' is empty; name at least one model") }
        return out
    }
}
