/// Renders tables as the JSON Lines of `aigq inspect --json` (spec §12), a contract other tools parse:
///
/// ```
/// {"schema": [{"name": "user", "type": "int64", "nullable": false}, ...], "rows": 3, "row_groups": 1}
/// {"user": 7, "query": "tent", "tags": ["a", null], "blob": "AAE=", "score": "NaN", "ts": 1764000000000}
/// ```
///
/// Strings are JSON strings, binary is base64, floats are the shortest decimal of the value as a
/// double, NaN and infinities are `"NaN"`, `"Infinity"`, `"-Infinity"`, timestamps and dates are
/// integers in their unit, nulls are `null`, lists are arrays.
public enum InspectJSON {
    /// The first line: schema, row count and row-group count.
    public static func header(schema: Schema, rows: Int, rowGroups: Int) -> String {
        var out = "{\"schema\": ["
        for (i, field) in schema.fields.enumerated() {
            if i > 0 { out += ", " }
            out += "{\"name\": "
            appendString(field.name, to: &out)
            out += ", \"type\": "
            appendString(field.type.description, to: &out)
            out += ", \"nullable\": \(field.nullable)}"
        }
        out += "], \"rows\": \(rows), \"row_groups\": \(rowGroups)}"
        return out
    }

    /// One line per row of `batch`, rows `range` (all by default).
    public static func rows(_ batch: RecordBatch, range: Range<Int>? = nil, _ emit: (String) -> Void) {
        let names = batch.schema.fields.map { name -> String in
            var s = ""
            appendString(name.name, to: &s)
            return s
        }
        var line = ""
        for row in range ?? 0..<batch.rowCount {
            line.removeAll(keepingCapacity: true)
            line += "{"
            for (c, column) in batch.columns.enumerated() {
                if c > 0 { line += ", " }
                line += names[c]
                line += ": "
                appendCell(column, row: row, type: batch.schema.fields[c].type, to: &line)
            }
            line += "}"
            emit(line)
        }
    }

    private static func appendCell(_ column: ColumnArray, row: Int, type: DataType, to out: inout String) {
        guard let list = column.list else {
            appendValue(column, slot: row, type: type, to: &out)
            return
        }
        guard list.isValid(row) else {
            out += "null"
            return
        }
        out += "["
        for slot in list.offsets[row]..<list.offsets[row + 1] {
            if slot > list.offsets[row] { out += ", " }
            appendValue(column, slot: slot, type: type.leafType, to: &out)
        }
        out += "]"
    }

    private static func appendValue(_ column: ColumnArray, slot: Int, type: DataType, to out: inout String) {
        guard column.isValid(slot) else {
            out += "null"
            return
        }
        switch column.values {
        case .boolean(let v): out += v[slot] ? "true" : "false"
        case .int32(let v): out += String(v[slot])
        case .int64(let v): out += String(v[slot])
        case .float(let v): appendDouble(Double(v[slot]), to: &out)
        case .double(let v): appendDouble(v[slot], to: &out)
        case .byteArray(let v):
            if type == .string {
                appendString(v.string(at: slot), to: &out)
            } else {
                out += "\""
                out += Base64.encode(v[slot])
                out += "\""
            }
        }
    }

    /// Appends a double as JSON (NaN and infinities as strings).
    public static func appendDouble(_ d: Double, to out: inout String) {
        if d.isNaN {
            out += "\"NaN\""
        } else if d.isInfinite {
            out += d > 0 ? "\"Infinity\"" : "\"-Infinity\""
        } else {
            out += d.description
        }
    }

    /// Appends `s` as a JSON string literal.
    public static func appendString(_ s: String, to out: inout String) {
        out += "\""
        var plainStart = s.utf8.startIndex
        let utf8 = s.utf8
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let b = utf8[i]
            if b == 0x22 || b == 0x5C || b < 0x20 {
                out += String(s[plainStart..<i])
                switch b {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                case 0x08: out += "\\b"
                case 0x0C: out += "\\f"
                default:
                    let hex = Array("0123456789abcdef")
                    out += "\\u00" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 15)])
                }
                plainStart = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        out += String(s[plainStart..<utf8.endIndex])
        out += "\""
    }
}
