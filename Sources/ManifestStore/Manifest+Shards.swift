import GRDB

extension Manifest {
    /// The recorded shards of a dataset, ordered by path.
    public func shards(dataset: String) throws -> [ShardRecord] {
        try read("list the shards of dataset '\(dataset)'") { db in
            try ShardRecord.fetchAll(db, sql: "WHERE dataset = ? ORDER BY relative_path", arguments: [dataset])
        }
    }

    /// The recorded shard at `path` in `dataset`, if any.
    public func shard(dataset: String, path: String) throws -> ShardRecord? {
        try read("read shard '\(path)' of dataset '\(dataset)'") { db in
            try ShardRecord.fetchAll(
                db, sql: "WHERE dataset = ? AND relative_path = ?", arguments: [dataset, path]
            ).first
        }
    }

    /// The recorded shards produced by a task, ordered by dataset and path.
    public func shards(producedBy taskKey: String) throws -> [ShardRecord] {
        try read("list the shards of task '\(taskKey)'") { db in
            try ShardRecord.fetchAll(
                db, sql: "WHERE producing_task_key = ? ORDER BY dataset, relative_path", arguments: [taskKey])
        }
    }

    /// The names of the datasets that have recorded shards, sorted.
    public func datasets() throws -> [String] {
        try read("list datasets") { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT dataset FROM shard ORDER BY dataset")
        }
    }

    /// Forgets a shard (after its file was deleted or found corrupt). Returns whether a row existed.
    ///
    /// The producing task's ``TaskState`` still lists it among its outputs, which is how
    /// `aigq status` explains "output deleted".
    @discardableResult
    public func removeShard(dataset: String, path: String) throws -> Bool {
        try write("remove shard '\(path)' of dataset '\(dataset)'") { db in
            try db.execute(
                sql: "DELETE FROM shard WHERE dataset = ? AND relative_path = ?", arguments: [dataset, path])
            return db.changesCount > 0
        }
    }
}
