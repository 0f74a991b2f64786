import CSimdJSON
import Foundation

/// Reads a dimension file (`dims/*.jsonl`) of flat JSON objects through the shim, chunk by chunk,
/// handing each good row to a closure that may still refuse it with a reason.
struct RecordFile {
    /// One field to read.
    struct FieldSpec {
        var name: String
        var kind: Int32
        var required: Bool
        var nullable: Bool

        static func int(_ name: String, required: Bool = true, nullable: Bool = false) -> FieldSpec {
            FieldSpec(name: name, kind: Int32(AIGQ_FIELD_INT), required: required, nullable: nullable)
        }
        static func number(_ name: String, required: Bool = true, nullable: Bool = false) -> FieldSpec {
            FieldSpec(name: name, kind: Int32(AIGQ_FIELD_NUMBER), required: required, nullable: nullable)
        }
        static func string(_ name: String, required: Bool = true, nullable: Bool = false) -> FieldSpec {
            FieldSpec(name: name, kind: Int32(AIGQ_FIELD_STRING), required: required, nullable: nullable)
        }
    }

    /// One accepted row's values, by field index.
    struct Row {
        fileprivate let chunk: aigq_records_chunk
        fileprivate let row: Int
        fileprivate let fields: Int
        /// 1-based line number.
        let line: Int64

        private func slot(_ f: Int) -> Int { row * fields + f }
        /// The integer of field `f`, `nil` when null or absent.
        func int(_ f: Int) -> Int64? { chunk.present[slot(f)] != 0 ? chunk.ints[slot(f)] : nil }
        /// The number of field `f`, `nil` when null or absent.
        func number(_ f: Int) -> Double? { chunk.present[slot(f)] != 0 ? chunk.numbers[slot(f)] : nil }
        /// The string of field `f`, `nil` when null or absent.
        func string(_ f: Int) -> String? {
            let k = slot(f)
            guard chunk.present[k] != 0 else { return nil }
            return String(
                decoding: UnsafeBufferPointer(start: chunk.string_bytes + Int(chunk.string_start[k]), count: Int(chunk.string_length[k])),
                as: UTF8.self)
        }
    }

    /// Reads `path` (named `name` in bad lines) with `fields`; `accept` returns `nil` to keep a row or
    /// the reason to refuse it. Returns the non-blank line count; bad lines go to `bad`.
    static func read(
        path: String, name: String, fields: [FieldSpec], chunkBytes: Int, parser: OpaquePointer, bad: inout [BadLine],
        accept: (Row) throws -> String?
    ) throws -> Int {
        let reader = try LineChunkReader(path: path, chunkBytes: chunkBytes)
        let buffer = ChunkBuffer(capacity: chunkBytes)
        let names = fields.map { strdup($0.name) }
        defer { names.forEach { free($0) } }
        let specs = zip(fields, names).map { field, cName in
            aigq_field(name: cName, kind: field.kind, required: field.required ? 1 : 0, nullable: field.nullable ? 1 : 0)
        }
        var lines = 0
        while let first = try reader.next(into: buffer) {
            var chunk = aigq_records_chunk()
            let status = specs.withUnsafeBufferPointer { aigq_parse_records(parser, $0.baseAddress, $0.count, buffer.base, buffer.count, first, &chunk) }
            guard status == 0 else { throw StageError(.io, "cannot parse '\(path)' (out of memory)") }
            lines += chunk.lines
            var refused: [(line: Int64, start: Int, length: Int, reason: String)] = []
            for r in 0..<chunk.rows {
                let row = Row(chunk: chunk, row: r, fields: fields.count, line: chunk.line[r])
                if let reason = try accept(row) {
                    refused.append((chunk.line[r], Int(chunk.line_start[r]), Int(chunk.line_length[r]), reason))
                }
            }
            let b = chunk.bad
            for k in 0..<b.count {
                let start = k == 0 ? 0 : Int(b.reason_end[k - 1])
                let reason = String(decoding: UnsafeRawBufferPointer(start: b.reasons + start, count: Int(b.reason_end[k]) - start).bindMemory(to: UInt8.self), as: UTF8.self)
                refused.append((b.line[k], Int(b.start[k]), Int(b.length[k]), reason))
            }
            for item in refused {
                bad.append(BadLine(file: name, line: item.line, bytes: UnsafeBufferPointer(start: buffer.base + item.start, count: item.length), reason: item.reason))
            }
        }
        return lines
    }
}
