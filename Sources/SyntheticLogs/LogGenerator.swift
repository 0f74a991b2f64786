import Columnar
import Foundation

/// `aigq gen` as a library: writes the raw contract (log-schema.md) and the latent truth for
/// ``GeneratorOptions``, deterministically.
///
/// Layout written:
/// ```
/// <raw>/dims/{categories,items,queries,users}.jsonl
/// <raw>/dt=YYYY-MM-DD/part-<hex>.jsonl[.zst] … and _SUCCESS (written last)
/// <truth>/dt=YYYY-MM-DD/oracle.jsonl, interests.jsonl, bad_lines.jsonl (with bad lines), _SUCCESS
/// ```
/// `bad_lines.jsonl` lines are `{"file":"part-1a2b3c4d.jsonl","line":17,"kind":"wrong_type"}`, sorted by
/// file then line; `line` is 1-based and counts every line of the (decompressed) file, blank ones too.
///
/// ```swift
/// var options = GeneratorOptions()
/// options.users = 500
/// options.rawFolder = "/tmp/w/data/raw"
/// options.truthFolder = "/tmp/w/data/truth"
/// let report = try LogGenerator.write(options)
/// ```
public enum LogGenerator {
    /// Generates everything `options` asks for; `progress` is called after each batch of users.
    @discardableResult
    public static func write(_ options: GeneratorOptions, progress: (GeneratorProgress) -> Void = { _ in }) throws -> GeneratorReport {
        let plan = try GenerationPlan(options)
        let raw = options.rawFolder
        let truth = options.truthFolder
        try prepare(raw, replace: options.replace)
        if let truth { try prepare(truth, replace: options.replace) }
        try makeFolder(raw + "/dims")
        for day in plan.days {
            try makeFolder("\(raw)/dt=\(day)")
            if let truth { try makeFolder("\(truth)/dt=\(day)") }
        }

        var report = GeneratorReport(plan: plan)
        let sinks = try OutputSinks(plan: plan)
        let generator = ChunkGenerator(plan: plan)
        let batch = max(1, options.threads * 4)
        var chunk = 0
        while chunk < plan.chunkCount {
            let count = min(batch, plan.chunkCount - chunk)
            let first = chunk
            let outputs = try parallelMap(count, threads: options.threads) { try generator.run(chunk: first + $0) }
            for output in outputs { try sinks.append(output, to: &report) }
            chunk += count
            progress(GeneratorProgress(usersDone: min(plan.users, chunk * GenerationPlan.chunkUsers), usersTotal: plan.users, events: report.events))
        }
        try sinks.close(into: &report)

        var rng = SplitMix64(seed: SplitMix64.derive(options.seed, SyntheticWorld.Stream.dims))
        report.dimensionBytes += try OutputFile.write(DimensionLines.categories(plan.world, rng: &rng), to: raw + "/dims/categories.jsonl")
        report.dimensionBytes += try OutputFile.write(DimensionLines.items(plan.world, rng: &rng), to: raw + "/dims/items.jsonl")
        report.dimensionBytes += try OutputFile.write(DimensionLines.queries(plan.world, rng: &rng), to: raw + "/dims/queries.jsonl")

        if let truth {
            for day in plan.days { _ = try OutputFile.write([], to: "\(truth)/dt=\(day)/_SUCCESS") }
        }
        for day in plan.days { _ = try OutputFile.write([], to: "\(raw)/dt=\(day)/_SUCCESS") }
        return report
    }

    /// Checks that `folder` is absent or empty; with `replace`, removes it first.
    private static func prepare(_ folder: String, replace: Bool) throws {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: folder), !entries.isEmpty else { return }
        guard replace else {
            throw GeneratorError("'\(folder)' already holds data; pass --force to replace it, or write elsewhere with --out or --workspace")
        }
        do {
            try manager.removeItem(atPath: folder)
        } catch {
            throw GeneratorError("cannot remove '\(folder)' to replace it: \(error.localizedDescription)")
        }
    }

    private static func makeFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw GeneratorError("cannot create the folder '\(path)': \(error.localizedDescription)")
        }
    }
}
