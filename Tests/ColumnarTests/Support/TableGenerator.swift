import Columnar

/// Seeded random tables with every column type, chosen null densities, CJK, empty and long strings.
struct TableGenerator {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    static let words = ["", "tent", "hiking boots", "帐篷", "露营 灯", "waterproof", "🏕️ camp", "a", "Ünïcödé", "x y  z", "\"quoted\"\n"]

    /// Every type we write, each as a column named after it, nullable or not.
    static func schema(nullable: Bool) -> Schema {
        Schema([
            Field("bool", .boolean, nullable: nullable),
            Field("i32", .int32, nullable: nullable),
            Field("i64", .int64, nullable: nullable),
            Field("f32", .float, nullable: nullable),
            Field("f64", .double, nullable: nullable),
            Field("str", .string, nullable: nullable),
            Field("bin", .binary, nullable: nullable),
            Field("ts", .timestamp(.millis, utc: true), nullable: nullable),
            Field("day", .date, nullable: nullable),
            Field("sorted", .int64, nullable: nullable),
            Field("tags", .list(Field("element", .string, nullable: nullable)), nullable: nullable),
            Field("ids", .list(Field("element", .int64, nullable: false)), nullable: nullable),
        ])
    }

    /// A batch of `rows` rows of `schema`; each nullable slot is null with probability `nullDensity`.
    mutating func batch(_ schema: Schema, rows: Int, nullDensity: Double) throws -> RecordBatch {
        let columns = schema.fields.map { column($0, rows: rows, nullDensity: nullDensity) }
        return try RecordBatch(schema: schema, columns: columns)
    }

    private mutating func validity(_ count: Int, nullable: Bool, density: Double) -> [Bool]? {
        guard nullable, density > 0 else { return nil }
        return (0..<count).map { _ in Double.random(in: 0..<1, using: &rng) >= density }
    }

    private mutating func column(_ field: Field, rows: Int, nullDensity: Double) -> ColumnArray {
        if case .list(let element) = field.type {
            let listValidity = validity(rows, nullable: field.nullable, density: nullDensity)
            var offsets = [0]
            for r in 0..<rows {
                let n = (listValidity?[r] ?? true) ? Int.random(in: 0...4, using: &rng) : 0
                offsets.append(offsets[r] + n)
            }
            let elementCount = offsets[rows]
            let elementValidity = validity(elementCount, nullable: element.nullable, density: nullDensity)
            let values = leafValues(element.type, count: elementCount, validity: elementValidity, sorted: false)
            return ColumnArray(values: values, validity: elementValidity, list: ListLayout(offsets: offsets, validity: listValidity))
        }
        let v = validity(rows, nullable: field.nullable, density: nullDensity)
        return ColumnArray(values: leafValues(field.type, count: rows, validity: v, sorted: field.name == "sorted"), validity: v)
    }

    private mutating func leafValues(_ type: DataType, count: Int, validity: [Bool]?, sorted: Bool) -> ColumnValues {
        func valid(_ i: Int) -> Bool { validity?[i] ?? true }
        switch type {
        case .boolean:
            return .boolean((0..<count).map { valid($0) && Bool.random(using: &rng) })
        case .int32:
            return .int32((0..<count).map { valid($0) ? (Bool.random(using: &rng) ? Int32.random(in: -50...50, using: &rng) : Int32.random(in: .min ... .max, using: &rng)) : 0 })
        case .date:
            return .int32((0..<count).map { valid($0) ? Int32.random(in: 19_000...21_000, using: &rng) : 0 })
        case .int64 where sorted:
            var x = Int64.random(in: -1000...1000, using: &rng)
            return .int64((0..<count).map { i in
                x += Int64.random(in: 0...3, using: &rng)
                return valid(i) ? x : 0
            })
        case .int64:
            return .int64((0..<count).map { valid($0) ? (Bool.random(using: &rng) ? Int64.random(in: 0...100, using: &rng) : Int64.random(in: .min ... .max, using: &rng)) : 0 })
        case .timestamp:
            var t: Int64 = 1_764_000_000_000
            return .int64((0..<count).map { i in
                t += Int64.random(in: -5000...60_000, using: &rng)
                return valid(i) ? t : 0
            })
        case .float:
            let specials: [Float] = [.nan, .infinity, -.infinity, -0.0, 0, 1.5, -2.25]
            return .float((0..<count).map { valid($0) ? (Int.random(in: 0..<5, using: &rng) == 0 ? specials.randomElement(using: &rng)! : Float.random(in: -1e6...1e6, using: &rng)) : 0 })
        case .double:
            let specials: [Double] = [.nan, .infinity, -.infinity, -0.0, 0, 0.1, 1e300]
            return .double((0..<count).map { valid($0) ? (Int.random(in: 0..<5, using: &rng) == 0 ? specials.randomElement(using: &rng)! : Double.random(in: -1e9...1e9, using: &rng)) : 0 })
        case .string:
            var out = ByteArrayColumn()
            for i in 0..<count {
                if !valid(i) { out.appendEmpty(); continue }
                switch Int.random(in: 0..<10, using: &rng) {
                case 0: out.append(String(repeating: "长", count: Int.random(in: 100...3000, using: &rng)))
                case 1...5: out.append(Self.words.randomElement(using: &rng)!)
                default: out.append("q\(Int.random(in: 0..<200, using: &rng))")
                }
            }
            return .byteArray(out)
        case .binary:
            var out = ByteArrayColumn()
            for i in 0..<count {
                if !valid(i) { out.appendEmpty(); continue }
                out.append((0..<Int.random(in: 0...12, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
            }
            return .byteArray(out)
        case .list:
            preconditionFailure("no lists of lists")
        }
    }
}
