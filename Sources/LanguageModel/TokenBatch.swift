// Building (tokens, targets) batches from prompts and completions: the layout SFT and GRPO share.

/// Packs sequences into the `(B, T)` token and target arrays `Transformer.forward` takes.
public enum TokenBatch {
    /// Rows of `prompt + completion`, right-padded with `pad` to `length`. A position's target is the
    /// next token when that token belongs to the completion, and −1 otherwise (prompt, padding), so the
    /// head rows of the forward pass are exactly the completion tokens, in order.
    /// - Throws: when a row does not fit in `length` or has an empty prompt.
    public static func promptCompletion(
        prompts: [[Int32]], completions: [[Int32]], length T: Int, pad: Int32
    ) throws(LanguageModelError) -> (tokens: [Int32], targets: [Int32]) {
        guard prompts.count == completions.count else {
            throw .invalidInput("\(prompts.count) prompts but \(completions.count) completions")
        }
        var tokens = [Int32](repeating: pad, count: prompts.count * T)
        var targets = [Int32](repeating: -1, count: prompts.count * T)
        for (b, (prompt, completion)) in zip(prompts, completions).enumerated() {
            let sequence = prompt + completion
            guard !prompt.isEmpty, sequence.count - 1 <= T else {
                throw .invalidInput(
                    "row \(b): prompt \(prompt.count) + completion \(completion.count) tokens do not fit length \(T) + 1 "
                        + "(the prompt must be non-empty)")
            }
            for t in 0..<min(T, sequence.count) { tokens[b * T + t] = sequence[t] }
            for t in max(0, prompt.count - 1)..<(sequence.count - 1) { targets[b * T + t] = sequence[t + 1] }
        }
        return (tokens, targets)
    }
}
