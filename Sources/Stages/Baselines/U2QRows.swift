import Columnar

/// Rows of a `u2q_<method>` table (schema ``DatasetSchemas/u2q``), appended one ranked list at a
/// time; ranks start at 1. Append users in ascending order (the `-1` default list first) so the
/// file is sorted by user then rank.
struct U2QRows {
    private var builder = BatchBuilder(DatasetSchemas.u2q)
    private var lastUser = Int64.min

    /// The number of rows so far.
    var count: Int { builder.rowCount }

    /// Appends `user`'s ranked list of (query, score).
    mutating func append(user: Int64, _ list: [(query: String, score: Double)]) {
        precondition(user > lastUser, "u2q lists must be appended in ascending user order")
        lastUser = user
        for (i, entry) in list.enumerated() {
            builder[0].append(int64: user)
            builder[1].append(int32: Int32(i + 1))
            builder[2].append(string: entry.query)
            builder[3].append(double: entry.score)
        }
    }

    /// Writes the rows as `part-00000.parquet` into `folder` (nothing when there are none); returns
    /// the rows written.
    @discardableResult
    func write(into folder: String) throws -> Int {
        guard count > 0 else { return 0 }
        return try DatasetFiles.write(try builder.build(), to: folder + "/part-00000.parquet")
    }
}
