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
    /// Per slot, the slot whose positions `0 ..< sharedLengths[slot]` it reads instead of its own (itself when none).
    public internal(set) var sharedSlots: [Int]
    /// Per slot, how many leading positions are read from `sharedSlots[slot]` (0 when none).
    public internal(set) var sharedLengths: [Int]

    /// A cache of `slots` sequences of up to `config.contextLength` positions each.
    public init(config: TransformerConfig, slots: Int) {
        self.config = config
        self.slots = slots
        let count = config.layers * slots * config.contextLength * config.channels
        keys = FloatBuffer(count: count)
        values = FloatBuffer(count: count)
        lengths = [Int](repeating: 0, count: slots)
        sharedSlots = Array(0..<slots)
        sharedLengths = [Int](repeating: 0, count: slots)
    }

    /// Floats per layer.
    var layerStride: Int { slots * config.contextLength * config.channels }

    /// Forgets every slot's positions (the memory stays).
    public func reset() {
        lengths = [Int](repeating: 0, count: slots)
        sharedSlots = Array(0..<slots)
        sharedLengths = [Int](repeating: 0, count: slots)
    }

    /// Makes slot `target` a copy of slot `source` (beam search forks a sequence this way); positions
    /// `source` reads from a shared slot are shared, not copied.
    public func copySlot(_ source: Int, to target: Int) {
        if source == target { return }
        let (length, from) = (lengths[source], sharedLengths[source])
        let (NH, maxT, hs) = (config.heads, config.contextLength, config.headSize)
        for l in 0..<config.layers {
            for h in 0..<NH {
                let read = l * layerStride + ((source * NH + h) * maxT + from) * hs
                let write = l * layerStride + ((target * NH + h) * maxT + from) * hs
                (keys.base + write).update(from: keys.base + read, count: (length - from) * hs)
                (values.base + write).update(from: values.base + read, count: (length - from) * hs)
            }
        }
        lengths[target] = length
        sharedSlots[target] = sharedSlots[source]
        sharedLengths[target] = from
    }

    /// Makes slot `target` continue the sequence of slot `source` without copying it: `target` reads
    /// `source`'s positions, which must then stay unchanged while `target` is in use (a prompt shared
    /// by its beams). `source` must not itself share another slot.
    public func share(_ source: Int, with target: Int) {
        precondition(sharedLengths[source] == 0, "slot \(source) already shares slot \(sharedSlots[source])")
        lengths[target] = lengths[source]
        sharedSlots[target] = source
        sharedLengths[target] = lengths[source]
    }
}
