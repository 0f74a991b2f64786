/// Prompt compression (the paper's ablation step; spec §3 keeps L = 32 behaviours in the samples):
/// a prompt keeps only its newest `behaviours` behaviours, each cut to its first `words` word tokens,
/// so prompt and target fit the model's context. Behaviour index tokens keep their values, so Think
/// triggers still name the same behaviours; triggers of dropped behaviours are dropped from targets.
///
/// A prompt is `header… (<bI> <tX> <kind> words…)* <task> <nK>` (``SampleSerializer``).
struct PromptCompression: Sendable {
    /// Newest behaviours kept.
    var behaviours: Int
    /// Word tokens kept per behaviour.
    var words: Int

    /// The behaviour blocks of `prompt`: header, blocks (index token first), trailer.
    static func split(_ prompt: [String]) -> (header: [String], blocks: [[String]], trailer: [String]) {
        var header: [String] = [], blocks: [[String]] = [], trailer: [String] = []
        var index = 0
        while index < prompt.count, !isBehaviourIndex(prompt[index]), !isTask(prompt[index]) {
            header.append(prompt[index])
            index += 1
        }
        while index < prompt.count, !isTask(prompt[index]) {
            if isBehaviourIndex(prompt[index]) { blocks.append([]) }
            blocks[blocks.count - 1].append(prompt[index])
            index += 1
        }
        trailer = Array(prompt[index...])
        return (header, blocks, trailer)
    }

    /// The compressed prompt, keeping at most `keep` behaviours (default: `behaviours`).
    func compress(_ prompt: [String], keep: Int? = nil) -> [String] {
        let (header, blocks, trailer) = Self.split(prompt)
        var out = header
        for block in blocks.suffix(max(0, keep ?? behaviours)) {
            out += block.prefix(3 + words)  // <bI> <tX> <kind>, then words
        }
        return out + trailer
    }

    /// The behaviour index tokens present in `prompt`.
    static func indices(in prompt: [String]) -> Set<String> {
        Set(prompt.filter(isBehaviourIndex))
    }

    /// `target` without trigger tokens that name behaviours outside `kept`.
    static func dropMissingTriggers(_ target: [String], kept: Set<String>) -> [String] {
        var out: [String] = []
        var inTrigger = false
        for token in target {
            if token == "<trig>" { inTrigger = true } else if token == "</trig>" { inTrigger = false }
            if inTrigger, isBehaviourIndex(token), !kept.contains(token) { continue }
            out.append(token)
        }
        return out
    }

    static func isBehaviourIndex(_ token: String) -> Bool {
        token.hasPrefix("<b") && token.hasSuffix(">") && token.dropFirst(2).dropLast().allSatisfy(\.isNumber) && token.count > 3
    }

    static func isTask(_ token: String) -> Bool { token == "<direct>" || token == "<think>" }
}
