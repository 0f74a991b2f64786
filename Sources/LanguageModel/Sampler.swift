// Temperature and top-k sampling from one row of logits, with the sequence's own generator.
import Foundation

/// How the next token is drawn.
public struct SamplingOptions: Sendable, Hashable {
    /// Divides the logits; 0 means greedy (the most likely token).
    public var temperature: Float
    /// Only the k most likely tokens can be drawn; 0 means all.
    public var topK: Int
    /// Tokens generated at most per sequence.
    public var maxNewTokens: Int
    /// Tokens that end a sequence (kept as its last token).
    public var stopTokens: Set<Int32>

    /// Options; the defaults are GRPO's (temperature 1, top-k 100).
    public init(temperature: Float = 1, topK: Int = 100, maxNewTokens: Int, stopTokens: Set<Int32> = []) {
        self.temperature = temperature
        self.topK = topK
        self.maxNewTokens = maxNewTokens
        self.stopTokens = stopTokens
    }
}

/// Draws token ids from logits.
public enum Sampler {
    /// The next token from `logits` (`V` values, `-inf` for forbidden tokens): the `topK` largest
    /// (ties to the lower id), softmax at `temperature`, one uniform draw from `generator`.
    /// Exactly one draw is consumed per call (none when greedy), so a sequence's draws do not
    /// depend on other sequences.
    public static func sample(
        logits: UnsafeBufferPointer<Float>, temperature: Float, topK: Int, generator: inout SplitMix64
    ) -> Int32 {
        let candidates = largest(logits, count: topK <= 0 ? logits.count : min(topK, logits.count))
        guard let best = candidates.first, temperature > 0 else { return candidates.first?.id ?? 0 }
        let weights = candidates.map { Foundation.exp(Double(($0.value - best.value) / temperature)) }
        let total = weights.reduce(0, +)
        var draw = generator.nextUnit() * total
        for (index, weight) in weights.enumerated() {
            draw -= weight
            if draw < 0 { return candidates[index].id }
        }
        return candidates[candidates.count - 1].id  // rounding left a sliver: the last candidate
    }

    /// The `count` largest finite-or-not values with their ids, largest first (ties: lower id first).
    static func largest(_ logits: UnsafeBufferPointer<Float>, count: Int) -> [(id: Int32, value: Float)] {
        if count >= logits.count {
            return logits.enumerated().map { (Int32($0.offset), $0.element) }
                .sorted { $0.value > $1.value || ($0.value == $1.value && $0.id < $1.id) }
                .filter { $0.value > -Float.infinity }
        }
        // A min-heap of the best `count` so far: O(V log k).
        var heap: [(id: Int32, value: Float)] = []
        heap.reserveCapacity(count)
        func worse(_ a: (id: Int32, value: Float), _ b: (id: Int32, value: Float)) -> Bool {
            a.value < b.value || (a.value == b.value && a.id > b.id)
        }
        var threshold = -Float.infinity  // once full: the heap's worst value; anything below it is skipped
        for index in 0..<logits.count {
            let value = logits[index]
            if value < threshold || value == -Float.infinity { continue }
            let item = (id: Int32(index), value: value)
            if heap.count < count {
                heap.append(item)
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    if worse(heap[child], heap[parent]) { heap.swapAt(child, parent); child = parent } else { break }
                }
                if heap.count == count { threshold = heap[0].value }
            } else if worse(heap[0], item) {
                heap[0] = item
                var parent = 0
                while true {
                    let left = 2 * parent + 1, right = left + 1
                    var smallest = parent
                    if left < heap.count && worse(heap[left], heap[smallest]) { smallest = left }
                    if right < heap.count && worse(heap[right], heap[smallest]) { smallest = right }
                    if smallest == parent { break }
                    heap.swapAt(parent, smallest)
                    parent = smallest
                }
                threshold = heap[0].value
            }
        }
        return heap.sorted { worse($1, $0) }
    }
}
