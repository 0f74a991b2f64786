import Foundation

/// How well scores separate clicks from non-clicks on a set of rows: ROC AUC (ties counted half)
/// and log-loss (natural log, probabilities clipped to [1e-15, 1 - 1e-15]).
///
/// ```swift
/// let m = BinaryMetrics(labels: [true, false, false], probabilities: [0.8, 0.3, 0.8])
/// m.auc      // 0.75: the click beats one non-click and ties the other
/// ```
public struct BinaryMetrics: Sendable, Equatable {
    /// Rows scored.
    public var rows: Int
    /// Rows labelled as clicks.
    public var clicks: Int
    /// Area under the ROC curve, `nil` when the rows hold only clicks or only non-clicks.
    public var auc: Double?
    /// Mean log-loss of the probabilities, `nil` when there are no rows.
    public var logLoss: Double?

    /// The metrics of `probabilities` (one per row) against `labels`.
    public init(labels: [Bool], probabilities: [Double]) {
        precondition(labels.count == probabilities.count, "\(labels.count) labels but \(probabilities.count) probabilities")
        rows = labels.count
        clicks = labels.reduce(0) { $0 + ($1 ? 1 : 0) }
        auc = Self.auc(labels: labels, scores: probabilities)
        logLoss = Self.logLoss(labels: labels, probabilities: probabilities)
    }

    /// Share of rows that are clicks (0 when there are none).
    public var clickRate: Double { rows == 0 ? 0 : Double(clicks) / Double(rows) }

    /// The ROC AUC of `scores` (higher = more likely a click): the probability that a random click
    /// scores above a random non-click, a tie counting one half (Mann–Whitney with mid-ranks).
    /// `nil` when either class is empty.
    public static func auc(labels: [Bool], scores: [Double]) -> Double? {
        precondition(labels.count == scores.count, "\(labels.count) labels but \(scores.count) scores")
        precondition(!scores.contains { $0.isNaN }, "AUC of NaN scores")
        let positives = labels.reduce(0) { $0 + ($1 ? 1 : 0) }
        let negatives = labels.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        // Sum of the mid-ranks (1-based) of the positives.
        var rankSum = 0.0
        var i = 0
        while i < order.count {
            var j = i
            var groupPositives = 0
            while j < order.count && scores[order[j]] == scores[order[i]] {
                if labels[order[j]] { groupPositives += 1 }
                j += 1
            }
            let midRank = Double(i + 1 + j) / 2  // mean of ranks i+1 … j
            rankSum += midRank * Double(groupPositives)
            i = j
        }
        let p = Double(positives), n = Double(negatives)
        return (rankSum - p * (p + 1) / 2) / (p * n)
    }

    /// The mean log-loss of `probabilities` against `labels`; `nil` for no rows.
    public static func logLoss(labels: [Bool], probabilities: [Double]) -> Double? {
        precondition(labels.count == probabilities.count, "\(labels.count) labels but \(probabilities.count) probabilities")
        guard !labels.isEmpty else { return nil }
        var total = 0.0
        for (y, p) in zip(labels, probabilities) {
            let q = min(max(p, 1e-15), 1 - 1e-15)
            total -= y ? log(q) : log(1 - q)
        }
        return total / Double(labels.count)
    }
}
