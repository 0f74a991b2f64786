extension OrchestratorBenchmarkResult {
    /// The JSON document of spec/bench.md (`bench`, `machine`, `versions`, `rows`, `ratios`); rows
    /// add `tasks_rerun` (per run), `runs`, and use `threads` for the job count; throughput is the
    /// pipeline's tasks considered per second.
    public func json() -> String {
        let rowsJSON: [JSONValue] = entries.map { e in
            .object([
                ("work", .string(e.scenario.rawValue)), ("tool", .string(e.tool.rawValue)), ("threads", .int(e.jobs)),
                ("median_s", .double(Self.round(e.median, 4))), ("min_s", .double(Self.round(e.min, 4))),
                ("max_s", .double(Self.round(e.max, 4))),
                ("throughput", .double(Self.round(Double(pipelineTasks) / e.median, 1))), ("unit", .string("tasks/s")),
                ("peak_rss_mib", .double(Self.round(e.peakRSSMiB, 1))), ("runs", .int(e.samples.count)),
                ("tasks_rerun", .array(e.samples.map { .int($0.tasks.count) })),
            ])
        }
        let ratiosJSON: [JSONValue] = ratios.map { r in
            .object([
                ("work", .string(r.scenario.rawValue)), ("threads", .int(jobs)), ("vs", .string(r.vs.rawValue)),
                ("ratio", .double(Self.round(r.ratio, 3))),
            ])
        }
        return JSONValue.object([
            ("bench", .string("orchestrator")),
            ("machine", .object([("cpu", .string(machine.cpu)), ("cores", .int(machine.cores)), ("mem_gib", .double(machine.memGiB))])),
            ("versions", .object(versions.map { ($0.0, .string($0.1)) })),
            ("shards", .int(shards)), ("shard_kb", .int(shardKB)), ("tasks", .int(pipelineTasks)),
            ("rows", .array(rowsJSON)),
            ("ratios", .array(ratiosJSON)),
            ("goals", .array(goals().map { .string($0) })),
            ("problems", .array(problems.map { .string($0) })),
        ]).text
    }

    private static func round(_ x: Double, _ digits: Int) -> Double {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return (x * scale).rounded() / scale
    }
}
