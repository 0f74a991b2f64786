import Columnar

/// The `sft_samples` rows of one bucket, written in (user, ts, variant) order.
struct SampleRows {
    /// The variants, in their order among a user's samples of the same time.
    enum Variant: String, CaseIterable {
        case direct, think, plain
    }

    private struct Row {
        var user: Int64
        var ts: Int64
        var variant: Variant
        var prompt: [String]
        var target: [String]
        var queries: [String]
        var groups: [Int32]
    }

    private var rows: [Row] = []

    /// The number of rows.
    var count: Int { rows.count }

    /// Adds one sample.
    mutating func append(
        user: Int64, ts: Int64, variant: Variant, prompt: [String], target: [String], queries: [String], groups: [Int32]
    ) {
        rows.append(Row(user: user, ts: ts, variant: variant, prompt: prompt, target: target, queries: queries, groups: groups))
    }

    /// Calls `body` with every token of every sample (prompts, then targets).
    func forEachToken(_ body: (String) -> Void) {
        for row in rows {
            row.prompt.forEach(body)
            row.target.forEach(body)
        }
    }

    /// The rows sorted by user, ts, variant (then insertion order), as a batch of ``DatasetSchemas/sftSamples``.
    func batch() throws -> RecordBatch {
        let rank = Dictionary(uniqueKeysWithValues: Variant.allCases.enumerated().map { ($1, $0) })
        let order = rows.indices.sorted { a, b in
            let (x, y) = (rows[a], rows[b])
            return (x.user, x.ts, rank[x.variant]!, a) < (y.user, y.ts, rank[y.variant]!, b)
        }
        var out = BatchBuilder(DatasetSchemas.sftSamples)
        for i in order {
            let row = rows[i]
            out["user"].append(int64: row.user)
            out["ts"].append(int64: row.ts)
            out["variant"].append(string: row.variant.rawValue)
            out["prompt"].append(strings: row.prompt)
            out["target"].append(strings: row.target)
            out["queries"].append(strings: row.queries)
            out["groups"].append(int32s: row.groups)
        }
        return try out.build()
    }
}
