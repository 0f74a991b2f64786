import CSimdJSON
import Columnar

/// The dimension tables of the raw folder (`dims/*.jsonl`), checked, converted and written as the
/// `users`, `items` and `categories` snapshots (sorted by id; an id listed twice keeps its first
/// line). Kept afterwards: the query dictionary (normalised query → leaf category), the known
/// items, the refused lines. A missing file gives an empty table.
struct DimensionTables {
    /// Normalised dictionary query → category, first listing wins.
    var dictionary: [String: Int64] = [:]
    var knownItems: Set<Int64> = []
    /// Refused lines of every dims file.
    var badLines: [BadLine] = []
    /// Non-blank lines per dims file name (`dims/users.jsonl`).
    var lines: [String: Int] = [:]
    /// Categories whose parent is not in the file.
    var orphanCategories = 0

    /// Whether `text` is a valid `YYYY-MM-DD` day (cheaper than `Day.ordinal` for many rows).
    static func isDay(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return false }
        var digits: [Int] = []
        for i in [0, 1, 2, 3, 5, 6, 8, 9] {
            guard (0x30...0x39).contains(b[i]) else { return false }
            digits.append(Int(b[i] - 0x30))
        }
        let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        let month = digits[4] * 10 + digits[5], day = digits[6] * 10 + digits[7]
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// Reads the dims files among `files` (paths by file name, `users.jsonl` → path) and writes the
    /// snapshots to `outputs` (`users`, `items`, `categories` → file path).
    static func read(_ files: [String: String], chunkBytes: Int, outputs: [String: String]) throws -> DimensionTables {
        guard let parser = aigq_ingest_parser_create() else { throw StageError(.io, "cannot create a JSON parser (out of memory)") }
        defer { aigq_ingest_parser_destroy(parser) }
        var badLines: [BadLine] = [], lines: [String: Int] = [:], dictionary: [String: Int64] = [:]
        func read(_ file: String, _ fields: [RecordFile.FieldSpec], _ accept: (RecordFile.Row) throws -> String?) throws {
            guard let path = files[file] else { return }
            let name = "dims/" + file
            lines[name] = try RecordFile.read(
                path: path, name: name, fields: fields, chunkBytes: chunkBytes, parser: parser, bad: &badLines, accept: accept)
        }
        /// Rows of one table as they come, with their ids (for the sort and the duplicate check).
        /// A file already sorted by id (the usual case) needs neither a set of ids nor a sorted copy.
        struct Table {
            var rows: BatchBuilder
            var ids: [Int64] = []
            var seen: Set<Int64>?  // built once an id comes out of order
            init(_ schema: Schema) { rows = BatchBuilder(schema) }
            /// Whether `id` is new (records it).
            mutating func admit(_ id: Int64) -> Bool {
                if seen == nil, let last = ids.last {
                    if id == last { return false }
                    if id < last { seen = Set(ids) }
                }
                if seen != nil, !seen!.insert(id).inserted { return false }
                ids.append(id)
                return true
            }
            /// The ids admitted.
            var known: Set<Int64> { seen ?? Set(ids) }
            /// The rows sorted by id.
            func sorted() throws -> RecordBatch {
                let batch = try rows.build()
                guard seen != nil else { return batch }
                return batch.take(ids.indices.sorted { ids[$0] < ids[$1] })
            }
        }

        // users.jsonl: id, gender f/m/u, age and city_tier int or null, registered YYYY-MM-DD.
        var users = Table(DatasetSchemas.users)
        try read("users.jsonl", [.int("id"), .string("gender"), .int("age", required: false, nullable: true),
                                 .int("city_tier", required: false, nullable: true), .string("registered", required: false, nullable: true)]) { row in
            let id = row.int(0)!, gender = row.string(1)!
            guard gender == "f" || gender == "m" || gender == "u" else { return "field 'gender' is '\(gender.prefix(32))', expected f, m or u" }
            let age = row.int(2), tier = row.int(3), registered = row.string(4)
            if let age, !(0...200).contains(age) { return "field 'age' (\(age)) is not an age" }
            if let tier, !(0...Int64(Int32.max)).contains(tier) { return "field 'city_tier' (\(tier)) is out of range" }
            if let registered, !Self.isDay(registered) { return "field 'registered' is '\(registered.prefix(32))', not a YYYY-MM-DD day" }
            guard users.admit(id) else { return "duplicate user id \(id) (listed earlier in the file)" }
            users.rows[0].append(int64: id)
            users.rows[1].append(string: gender)
            users.rows[2].append(optionalInt32: age.map { Int32($0) })
            users.rows[3].append(optionalInt32: tier.map { Int32($0) })
            users.rows[4].append(optionalString: registered)
            return nil
        }
        if let path = outputs["users"] { try DatasetFiles.write(try users.sorted(), to: path) }
        users = Table(DatasetSchemas.users)

        // items.jsonl: id, category, title, price.
        var items = Table(DatasetSchemas.items)
        try read("items.jsonl", [.int("id"), .int("category"), .string("title"), .number("price", required: false, nullable: true)]) { row in
            let id = row.int(0)!
            guard items.admit(id) else { return "duplicate item id \(id) (listed earlier in the file)" }
            items.rows[0].append(int64: id)
            items.rows[1].append(int64: row.int(1)!)
            items.rows[2].append(string: row.string(2)!)
            items.rows[3].append(optionalDouble: row.number(3))
            return nil
        }
        if let path = outputs["items"] { try DatasetFiles.write(try items.sorted(), to: path) }
        let knownItems = items.known
        items = Table(DatasetSchemas.items)

        // categories.jsonl: id, parent (int or null), name.
        var categories: [(id: Int64, parent: Int64?, name: String)] = []
        var categoryIDs = Set<Int64>()
        try read("categories.jsonl", [.int("id"), .int("parent", required: false, nullable: true), .string("name")]) { row in
            let id = row.int(0)!
            guard categoryIDs.insert(id).inserted else { return "duplicate category id \(id) (listed earlier in the file)" }
            categories.append((id, row.int(1), row.string(2)!))
            return nil
        }
        categories.sort { $0.id < $1.id }
        let tree = try CategoryTree(categories.map { ($0.id, $0.parent) })
        var cb = BatchBuilder(DatasetSchemas.categories)
        for c in categories {
            cb["category"].append(int64: c.id)
            cb["parent"].append(optionalInt64: c.parent)
            cb["name"].append(string: c.name)
            cb["leaf"].append(bool: tree.isLeaf(c.id))
            cb["depth"].append(int32: tree.depth(c.id))
        }
        if let path = outputs["categories"] { try DatasetFiles.write(try cb.build(), to: path) }

        // queries.jsonl: query (normalised), category.
        var queryLines: [String: Int64] = [:]
        try read("queries.jsonl", [.string("query"), .int("category")]) { row in
            let query = QueryText.normalize(row.string(0)!)
            let category = row.int(1)!
            guard !query.isEmpty else { return "field 'query' is blank" }
            if let known = dictionary[query] {
                if known == category { return nil }
                return "query '\(query.prefix(64))' is listed again with category \(category) (first at line \(queryLines[query] ?? 0) with \(known))"
            }
            dictionary[query] = category
            queryLines[query] = row.line
            return nil
        }
        return DimensionTables(
            dictionary: dictionary, knownItems: knownItems, badLines: badLines, lines: lines, orphanCategories: tree.orphans)
    }
}
