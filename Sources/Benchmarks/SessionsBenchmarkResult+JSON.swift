extension SessionsBenchmarkResult {
    /// The JSON document of spec/bench.md (`bench`, `machine`, `versions`, `rows`, `ratios`), plus
    /// `outputs` (each tool's row counts and checksums).
    public func json() -> String {
        func round(_ x: Double, _ digits: Double) -> Double { (x * digits).rounded() / digits }
        let rows: [JSONValue] = entries.map { e in
            .object([
                ("work", .string(e.work)), ("tool", .string(e.tool.rawValue)), ("threads", .int(e.threads)),
                ("median_s", .double(round(e.median, 1e4))), ("min_s", .double(round(e.min, 1e4))), ("max_s", .double(round(e.max, 1e4))),
                ("throughput", .double(round(e.throughput, 1))), ("unit", .string("events/s")),
                ("peak_rss_mib", .double(round(e.peakRSSMiB, 10))), ("output_bytes", .int(e.outputBytes)),
            ])
        }
        let ratios: [JSONValue] = self.ratios.map { r in
            .object([("work", .string(r.work)), ("threads", .int(r.threads)), ("vs", .string(r.vs.rawValue)), ("ratio", .double(round(r.ratio, 1e3)))])
        }
        let outputs: [JSONValue] = self.outputs.map { o in
            .object([
                ("tool", .string(o.tool.rawValue)), ("direct_rows", .int(o.directRows)), ("direct_checksum", .string(o.directSum)),
                ("behaviors_rows", .int(o.behaviorRows)), ("behaviors_checksum", .string(o.behaviorSum)),
            ])
        }
        return JSONValue.object([
            ("bench", .string("sessions")),
            ("machine", .object([("cpu", .string(machine.cpu)), ("cores", .int(machine.cores)), ("mem_gib", .double(machine.memGiB))])),
            ("versions", .object(versions.map { ($0.0, .string($0.1)) })),
            ("rows", .array(rows)), ("ratios", .array(ratios)), ("outputs", .array(outputs)),
            ("checks_passed", .bool(checksPassed)),
        ]).text
    }
}
