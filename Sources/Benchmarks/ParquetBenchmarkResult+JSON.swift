extension ParquetBenchmarkResult {
    /// The JSON document of spec/bench.md (`bench`, `machine`, `versions`, `rows`, `ratios`), with
    /// `bytes` added to write rows.
    public func json() -> String {
        let rowsJSON: [JSONValue] = entries.map { e in
            var members: [(String, JSONValue)] = [
                ("work", .string(e.work)), ("tool", .string(e.tool.rawValue)), ("threads", .int(e.threads)),
                ("median_s", .double(Self.round(e.median, 4))), ("min_s", .double(Self.round(e.min, 4))),
                ("max_s", .double(Self.round(e.max, 4))), ("throughput", .double(Self.round(e.throughput, 0))),
                ("unit", .string("rows/s")), ("peak_rss_mib", .double(Self.round(e.peakRSSMiB, 1))),
            ]
            if let bytes = e.writtenBytes { members.append(("bytes", .int(bytes))) }
            return .object(members)
        }
        let ratiosJSON: [JSONValue] = ratios.map { r in
            .object([("work", .string(r.work)), ("threads", .int(r.threads)), ("vs", .string(r.vs.rawValue)), ("ratio", .double(Self.round(r.ratio, 3)))])
        }
        return JSONValue.object([
            ("bench", .string("parquet")),
            ("machine", .object([("cpu", .string(machine.cpu)), ("cores", .int(machine.cores)), ("mem_gib", .double(machine.memGiB))])),
            ("versions", .object(versions.map { ($0.0, .string($0.1)) })),
            ("rows", .array(rowsJSON)),
            ("ratios", .array(ratiosJSON)),
        ]).text
    }

    private static func round(_ x: Double, _ digits: Int) -> Double {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return (x * scale).rounded() / scale
    }
}
