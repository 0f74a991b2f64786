extension IngestBenchmarkResult {
    /// The JSON document of spec/bench.md (`bench`, `machine`, `versions`, `rows`, `ratios`), with
    /// `bytes` (output size) on each row and the load average.
    public func json() -> String {
        func round(_ x: Double, _ digits: Int) -> Double {
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            return (x * scale).rounded() / scale
        }
        let rowsJSON: [JSONValue] = entries.map { e in
            .object([
                ("work", .string(e.work)), ("tool", .string(e.tool.rawValue)), ("threads", .int(e.threads)),
                ("median_s", .double(round(e.median, 3))), ("min_s", .double(round(e.min, 3))), ("max_s", .double(round(e.max, 3))),
                ("throughput", .double(round(e.throughput, 0))), ("unit", .string("events/s")),
                ("peak_rss_mib", .double(round(e.peakRSSMiB, 1))), ("bytes", .int(e.writtenBytes ?? 0)),
            ])
        }
        let ratiosJSON: [JSONValue] = ratios.map { r in
            .object([("work", .string(r.work)), ("threads", .int(r.threads)), ("vs", .string(r.vs.rawValue)), ("ratio", .double(round(r.ratio, 3)))])
        }
        return JSONValue.object([
            ("bench", .string("ingest")),
            ("machine", .object([
                ("cpu", .string(machine.cpu)), ("cores", .int(machine.cores)), ("mem_gib", .double(machine.memGiB)),
                ("load_before", .double(loadBefore)), ("load_after", .double(loadAfter)),
            ])),
            ("versions", .object(versions.map { ($0.0, .string($0.1)) })),
            ("rows", .array(rowsJSON)),
            ("ratios", .array(ratiosJSON)),
        ]).text
    }
}
