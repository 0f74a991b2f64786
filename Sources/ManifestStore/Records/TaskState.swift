public import Foundation

/// The last successful execution of a task: what it was computed from and what it wrote.
///
/// `aigq status` compares this with the current pipeline to explain why a task is stale
/// ("param lr changed", "input … changed", "code version 2→3", "output deleted").
public struct TaskState: Codable, Sendable, Equatable {
    /// The task's stable key (the primary key).
    public var taskKey: String
    /// The stage name.
    public var stage: String
    /// The task's fingerprint when it succeeded.
    public var fingerprint: String
    /// The stage's code version when it succeeded.
    public var codeVersion: String
    /// The stage's params as canonical JSON text.
    public var paramsJSON: String
    /// The input shards it read, with their checksums.
    public var inputs: [InputRef]
    /// The output shards it wrote, with their checksums and sizes.
    public var outputs: [OutputRef]
    /// When it succeeded; ``Manifest/completeTask(taskRunID:state:outputs:rowsIn:rowsOut:bytesOut:finishedAt:)``
    /// sets it to the task run's finish time.
    public var succeededAt: Date
    /// The run in which it succeeded; set by `completeTask` from the task run.
    public var runID: Int64

    /// Creates a task state. `succeededAt` and `runID` may be left at their defaults when the
    /// value is passed to `completeTask`, which fills them in.
    public init(
        taskKey: String,
        stage: String,
        fingerprint: String,
        codeVersion: String,
        paramsJSON: String,
        inputs: [InputRef],
        outputs: [OutputRef],
        succeededAt: Date = Date(timeIntervalSince1970: 0),
        runID: Int64 = 0
    ) {
        self.taskKey = taskKey
        self.stage = stage
        self.fingerprint = fingerprint
        self.codeVersion = codeVersion
        self.paramsJSON = paramsJSON
        self.inputs = inputs
        self.outputs = outputs
        self.succeededAt = succeededAt
        self.runID = runID
    }
}
