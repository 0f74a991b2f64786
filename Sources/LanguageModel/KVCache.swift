// Keys and values of every layer for a fixed number of sequences (slots), allocated once.
//
// Shapes: L = layers, S = slots, NH = heads, maxT = context length, hs = head size.

/// The preallocated key/value cache of generation: `(L, S, NH, maxT, hs)` keys and values, and how many
/// positions each slot holds.
public final class KVCache {
    /// The model shape it was made for.
    public let config: TransformerConfig
    /// Sequences it can hold at once.
    public let slots: Int
    let keys: FloatBuffer
    let values: FloatBuffer
    /// Positions held per slot.
    public internal(set) var lengths: [Int]

    /// A cache of `slots` sequences of up to `config.contextLength` positions each.
    public init(config: TransformerConfig, slots: Int) {
        self.config = config
        self.slots = slots
        let count = config.layers * slots * config.contextLength * config.channels
        keys = FloatBuffer(count: count)
        values = FloatBuffer(count: count)
        lengths = [Int](repeating: 0, count: slots)
    }

    /// Floats per layer.
    var layerStride: Int { slots * config.contextLength * config.channels }

    /// Forgets every slot's positions (the memory stays).
    public func reset() { lengths = [Int](repeating: 0, count: slots) }

    /// Makes slot `target` a copy of slot `source` (beam search forks a sequence this way).
    public func copySlot(_ source: Int, to target: Int) {
        if source == target { return }
        let length = lengths[source]
        let (NH, maxT, hs) = (config.heads, config.contextLength, config.headSize)
        for l in 0..<config.layers {
            for h in 0..<NH {
                let from = l * layerStride + ((source * NH + h) * maxT) * hs
                let to = l * layerStride + ((target * NH + h) * maxT) * hs
                (keys.base + to).update(from: keys.base + from, count: length * hs)
                (values.base + to).update(from: values.base + from, count: length * hs)
            }
        }
        lengths[target] = length
    }
}
