// Linear warm-up, then cosine decay to a floor (nanoGPT's get_lr).
import Foundation

/// The learning rate as a pure function of the step.
public struct LearningRateSchedule: Sendable, Hashable {
    /// The rate after warm-up.
    public var maximum: Float
    /// The floor reached at `decaySteps` and kept after.
    public var minimum: Float
    /// Steps of linear warm-up.
    public var warmupSteps: Int
    /// The step at which the cosine reaches the floor.
    public var decaySteps: Int

    /// A schedule; `minimum` defaults to a tenth of `maximum` (nanoGPT).
    public init(maximum: Float, minimum: Float? = nil, warmupSteps: Int, decaySteps: Int) {
        self.maximum = maximum
        self.minimum = minimum ?? maximum / 10
        self.warmupSteps = warmupSteps
        self.decaySteps = decaySteps
    }

    /// The rate for `step` (0-based).
    public func learningRate(step: Int) -> Float {
        // 1) linear warm-up: (step + 1) / (warmup + 1) of the maximum
        if step < warmupSteps { return maximum * Float(step + 1) / Float(warmupSteps + 1) }
        // 2) past the decay horizon: the floor
        if step >= decaySteps { return minimum }
        // 3) in between: cosine from maximum down to minimum
        let ratio = Double(step - warmupSteps) / Double(max(1, decaySteps - warmupSteps))
        let coefficient = Float(0.5 * (1 + cos(Double.pi * ratio)))
        return minimum + coefficient * (maximum - minimum)
    }
}
