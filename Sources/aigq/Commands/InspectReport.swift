import Columnar

/// The text form of `aigq inspect`: file summary, schema, and per row group each column chunk's
/// codec, encodings, sizes and statistics.
struct InspectReport {
    let reader: ParquetFileReader

    func lines() -> [String] {
        let meta = reader.metadata
        var out: [String] = []
        out.append("file: \(reader.path)")
        out.append("created by: \(meta.createdBy ?? "(not recorded)")")
        out.append("rows: \(reader.rowCount)   row groups: \(reader.rowGroupCount)   format version: \(meta.version)")
        let kv = reader.keyValueMetadata.sorted { $0.key < $1.key }
        if !kv.isEmpty {
            out.append("key-value metadata:")
            for (key, value) in kv {
                let shown = value.count > 120 ? String(value.prefix(117)) + "..." : value
                out.append("  \(key) = \(shown)")
            }
        }
        out.append("schema:")
        for field in reader.schema.fields {
            out.append("  \(field.name): \(field.type)\(field.nullable ? "" : " not null")")
        }
        for (name, reason) in reader.unsupportedColumns {
            out.append("  \(name): (unsupported) \(reason)")
        }
        for (g, group) in meta.rowGroups.enumerated() {
            out.append(
                "row group \(g): \(group.numRows) rows, \(group.totalCompressedSize ?? 0) bytes compressed, \(group.totalByteSize) uncompressed")
            for chunk in group.columns {
                guard let m = chunk.metaData else { continue }
                let column = m.pathInSchema.joined(separator: ".")
                var line = "  \(column): \(m.type) \(m.codec) [\(m.encodings.map(\.description).joined(separator: ", "))]"
                line += " \(m.totalCompressedSize)/\(m.totalUncompressedSize) bytes, \(m.numValues) values"
                let top = m.pathInSchema.first ?? column
                if let s = reader.statistics(rowGroup: g, column: top) {
                    if let lo = s.min, let hi = s.max { line += ", min \(shorten(lo.description)) max \(shorten(hi.description))" }
                    if let nulls = s.nullCount { line += ", \(nulls) nulls" }
                }
                out.append(line)
            }
        }
        return out
    }

    private func shorten(_ s: String) -> String { s.count > 40 ? String(s.prefix(37)) + "..." : s }
}
