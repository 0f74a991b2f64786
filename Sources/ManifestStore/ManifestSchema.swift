/// The SQL of each schema migration. Times are INTEGER milliseconds since 1970 (UTC);
/// `mtime_ns` is nanoseconds since 1970; inodes are stored as the bit pattern of a signed 64-bit integer.
enum ManifestSchema {
    static let v1 = """
        CREATE TABLE run (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at    INTEGER NOT NULL,
            finished_at   INTEGER,
            status        TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted')),
            command_line  TEXT NOT NULL,
            pipeline      TEXT NOT NULL,
            pid           INTEGER NOT NULL,
            host          TEXT NOT NULL
        ) STRICT;
        CREATE INDEX run_by_status ON run(status);

        CREATE TABLE task_run (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id        INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
            task_key      TEXT NOT NULL,
            stage         TEXT NOT NULL,
            day           TEXT,
            shard         INTEGER,
            status        TEXT NOT NULL
                          CHECK (status IN ('running', 'succeeded', 'failed', 'skipped', 'cached', 'interrupted')),
            started_at    INTEGER NOT NULL,
            finished_at   INTEGER,
            attempt       INTEGER NOT NULL CHECK (attempt >= 1),
            error         TEXT,
            rows_in       INTEGER CHECK (rows_in >= 0),
            rows_out      INTEGER CHECK (rows_out >= 0),
            bytes_out     INTEGER CHECK (bytes_out >= 0),
            fingerprint   TEXT
        ) STRICT;
        CREATE INDEX task_run_by_run ON task_run(run_id, id);
        CREATE INDEX task_run_by_key ON task_run(task_key, id);
        CREATE INDEX task_run_by_status ON task_run(status);

        CREATE TABLE task_state (
            task_key      TEXT PRIMARY KEY NOT NULL,
            stage         TEXT NOT NULL,
            fingerprint   TEXT NOT NULL,
            code_version  TEXT NOT NULL,
            params_json   TEXT NOT NULL,
            inputs_json   TEXT NOT NULL,
            outputs_json  TEXT NOT NULL,
            succeeded_at  INTEGER NOT NULL,
            run_id        INTEGER NOT NULL REFERENCES run(id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE shard (
            dataset                TEXT NOT NULL,
            relative_path          TEXT NOT NULL,
            size                   INTEGER NOT NULL CHECK (size >= 0),
            mtime_ns               INTEGER NOT NULL,
            inode                  INTEGER NOT NULL,
            checksum               TEXT NOT NULL,
            producing_task_key     TEXT NOT NULL,
            producing_fingerprint  TEXT NOT NULL,
            recorded_at            INTEGER NOT NULL,
            PRIMARY KEY (dataset, relative_path)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX shard_by_task ON shard(producing_task_key);

        CREATE TABLE hash_cache (
            path      TEXT PRIMARY KEY NOT NULL,
            size      INTEGER NOT NULL,
            mtime_ns  INTEGER NOT NULL,
            inode     INTEGER NOT NULL,
            checksum  TEXT NOT NULL
        ) STRICT, WITHOUT ROWID;
        """
}
