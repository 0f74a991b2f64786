import Foundation
import GRDB

extension TaskState {
    static let selection = """
        task_key, stage, fingerprint, code_version, params_json, inputs_json, outputs_json, succeeded_at, run_id
        """

    /// Decodes a row of `SELECT \(selection) FROM task_state`; inputs and outputs are JSON arrays.
    init(row: Row) throws {
        let taskKey: String = row["task_key"]
        self.init(
            taskKey: taskKey,
            stage: row["stage"],
            fingerprint: row["fingerprint"],
            codeVersion: row["code_version"],
            paramsJSON: row["params_json"],
            inputs: try Self.decode([InputRef].self, row["inputs_json"], column: "inputs_json"),
            outputs: try Self.decode([OutputRef].self, row["outputs_json"], column: "outputs_json"),
            succeededAt: StoredTime.date(row["succeeded_at"]),
            runID: row["run_id"])
    }

    static func fetch(_ db: Database, key: String) throws -> TaskState? {
        try Row.fetchOne(db, sql: "SELECT \(selection) FROM task_state WHERE task_key = ?", arguments: [key])
            .map(TaskState.init(row:))
    }

    /// Inserts the state, replacing the task's previous one.
    func replace(_ db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let inputsJSON = String(decoding: try encoder.encode(inputs), as: UTF8.self)
        let outputsJSON = String(decoding: try encoder.encode(outputs), as: UTF8.self)
        try db.execute(
            sql: "INSERT OR REPLACE INTO task_state (\(Self.selection)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                taskKey, stage, fingerprint, codeVersion, paramsJSON, inputsJSON, outputsJSON,
                StoredTime.milliseconds(succeededAt), runID,
            ])
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String, column: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw ManifestError.corruptRecord(table: "task_state", column: column, value: text, cause: error)
        }
    }
}
