import GRDB

/// One factory per failure, each with a message that quotes the offending value and says what to do.
extension ManifestError {
    static func openFailed(
        path: String, cause: any Error, function: String = #function, file: String = #fileID, line: Int = #line
    ) -> ManifestError {
        if let error = cause as? DatabaseError, error.resultCode == .SQLITE_NOTADB {
            return notAManifest(
                path: path, reason: "it is not an SQLite database", cause: cause,
                function: function, file: file, line: line)
        }
        return ManifestError(
            code: .cannotOpen,
            message: "Could not open the manifest '\(path)'. Check that its directory exists and is "
                + "writable, and that the disk is not full.",
            cause: cause, function: function, file: file, line: line)
    }

    static func notAManifest(
        path: String, reason: String, cause: (any Error)? = nil,
        function: String = #function, file: String = #fileID, line: Int = #line
    ) -> ManifestError {
        ManifestError(
            code: .notAManifest,
            message: "The file '\(path)' is not an aigq manifest: \(reason). Point --workspace at an aigq "
                + "workspace, or move the file aside so that aigq can create a fresh manifest.",
            cause: cause, function: function, file: file, line: line)
    }

    static func newerSchema(
        path: String, unknownMigrations: [String], storedVersion: Int, knownVersion: Int,
        function: String = #function, file: String = #fileID, line: Int = #line
    ) -> ManifestError {
        let detail =
            unknownMigrations.isEmpty
            ? "schema version \(storedVersion)"
            : "migrations " + unknownMigrations.map { "'\($0)'" }.joined(separator: ", ")
        return ManifestError(
            code: .newerSchema,
            message: "The manifest '\(path)' was written by a newer aigq (\(detail)); this aigq knows schema "
                + "version \(knownVersion) only. Upgrade aigq, or move the manifest aside to start a new history.",
            function: function, file: file, line: line)
    }

    static func databaseFailed(
        _ action: String, path: String, cause: any Error,
        function: String = #function, file: String = #fileID, line: Int = #line
    ) -> ManifestError {
        let code: Code
        let advice: String
        switch (cause as? DatabaseError)?.resultCode.primaryResultCode {
        case .SQLITE_BUSY?, .SQLITE_LOCKED?:
            code = .busy
            advice = "Another process held the manifest's write lock for more than \(Int(Manifest.busyTimeout)) s; "
                + "check that no other aigq process is stuck, then retry."
        case .SQLITE_FULL?:
            code = .database
            advice = "The disk is full; free some space and retry."
        case .SQLITE_READONLY?, .SQLITE_PERM?, .SQLITE_CANTOPEN?:
            code = .database
            advice = "Check that the manifest and its directory are writable."
        case .SQLITE_CORRUPT?, .SQLITE_NOTADB?:
            code = .notAManifest
            advice = "The database file is damaged; move it aside (with its -wal and -shm files) and rerun."
        default:
            code = .database
            advice = "See the cause below."
        }
        return ManifestError(
            code: code, message: "Could not \(action) in the manifest '\(path)'. \(advice)",
            cause: cause, function: function, file: file, line: line)
    }

    static func notFound(
        _ what: String, id: Int64, function: String = #function, file: String = #fileID, line: Int = #line
    ) -> ManifestError {
        ManifestError(
            code: .notFound,
            message: "There is no \(what) with id '\(id)' in the manifest. Use an id returned by the manifest "
                + "itself (`aigq runs` lists them).",
            function: function, file: file, line: line)
    }

    static func notRunning(
        _ what: String, id: Int64, status: String, action: String,
        function: String = #function, file: String = #fileID, line: Int = #line
    ) -> ManifestError {
        ManifestError(
            code: .invalidState,
            message: "Cannot \(action) \(what) '\(id)': it is already '\(status)', not 'running'. "
                + "Begin a new \(what) instead.",
            function: function, file: file, line: line)
    }

    static func invalidArgument(
        _ message: String, function: String = #function, file: String = #fileID, line: Int = #line
    ) -> ManifestError {
        ManifestError(code: .invalidArgument, message: message, function: function, file: file, line: line)
    }

    static func corruptRecord(
        table: String, column: String, value: String, cause: (any Error)? = nil,
        function: String = #function, file: String = #fileID, line: Int = #line
    ) -> ManifestError {
        ManifestError(
            code: .corruptRecord,
            message: "The manifest's \(table).\(column) holds '\(value)', which this aigq cannot read. "
                + "The manifest was edited by hand or by another tool; restore it or move it aside.",
            cause: cause, function: function, file: file, line: line)
    }

    static func internalInconsistency(
        _ action: String, function: String = #function, file: String = #fileID, line: Int = #line
    ) -> ManifestError {
        ManifestError(
            code: .database,
            message: "Could not \(action): the transaction returned no result. "
                + "This is a bug in aigq; please report it.",
            function: function, file: file, line: line)
    }
}
