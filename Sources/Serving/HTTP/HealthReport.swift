/// What `/healthz` says: whether hints can be answered (u2q is loaded), each table's served version,
/// and the versions refused since (their reason), so an operator sees a broken publish at once.
///
/// ```json
/// {"status":"ok",
///  "tables":{"u2q":{"version":"2026-11-23-0123456789ab","source_day":"2026-11-23","rows":30000,"keys":3001}},
///  "refused":{"x2q":{"version":"2026-11-23-ba9876543210","reason":"version … is broken: lookup.sqlite has sha256 …"}}}
/// ```
struct HealthReport {
    var snapshot: TableSnapshot
    var refusals: [ServedTableKind: TableStore.Refusal]

    /// Whether `/v1/hints` can answer.
    var isServing: Bool { snapshot.u2q != nil }

    var json: String {
        let tables = snapshot.tables.map { table in
            JSONText.quoted(table.kind.rawValue) + ":{"
                + "\"version\":\(JSONText.quoted(table.version)),\"source_day\":\(JSONText.quoted(table.sourceDay)),"
                + "\"rows\":\(table.rows),\"keys\":\(table.keys)}"
        }
        let refused = refusals.sorted { $0.key < $1.key }.map { kind, refusal in
            JSONText.quoted(kind.rawValue) + ":{"
                + "\"version\":\(JSONText.quoted(refusal.observation.version)),\"reason\":\(JSONText.quoted(refusal.reason))}"
        }
        let status = isServing ? "ok" : "unavailable"
        return "{\"status\":\"\(status)\",\"tables\":{\(tables.joined(separator: ","))},\"refused\":{\(refused.joined(separator: ","))}}"
    }
}
