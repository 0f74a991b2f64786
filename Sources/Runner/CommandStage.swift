import Foundation
import PipelineCore

/// The built-in `command` kind: runs `cmd` with `/bin/sh -c` in the current directory, like a DVC
/// `cmd`. The command finds its data in environment variables:
///
/// | variable | value |
/// | --- | --- |
/// | `AIGQ_IN_<DATASET>` | the folder it reads (partition or dataset), e.g. `AIGQ_IN_EVENTS` |
/// | `AIGQ_OUT_<DATASET>` | an empty folder to write into (published atomically afterwards) |
/// | `AIGQ_SHARD` | for `map: shard`, the input shard's path inside `AIGQ_IN_<first input>` |
/// | `AIGQ_DAY`, `AIGQ_STAGE`, `AIGQ_TASK`, `AIGQ_WORKSPACE`, `AIGQ_THREADS` | the task |
/// | `AIGQ_PARAM_<NAME>` | each param (strings as written, others as JSON); `env:` entries as given |
///
/// Dataset and param names are upper-cased with every other character than A–Z and 0–9 turned into
/// `_`. Output goes to the task's log; a non-zero exit fails the task with the log's last lines.
struct CommandStage: Stage {
    func run(_ context: StageContext) throws -> StageResult {
        guard case .string(let cmd)? = context.spec.params["cmd"] else {
            throw RunnerError(.usage, "stage '\(context.spec.name)' has kind command but no cmd param")
        }
        var environment = ProcessInfo.processInfo.environment
        for (dataset, folder) in context.inputFolders { environment["AIGQ_IN_" + Self.envName(dataset)] = folder }
        for (dataset, folder) in context.outputFolders { environment["AIGQ_OUT_" + Self.envName(dataset)] = folder }
        environment["AIGQ_STAGE"] = context.spec.name
        environment["AIGQ_TASK"] = context.task.description
        environment["AIGQ_WORKSPACE"] = context.workspace
        environment["AIGQ_THREADS"] = String(context.threads)
        if let day = context.task.day { environment["AIGQ_DAY"] = day }
        if let shard = context.task.shard { environment["AIGQ_SHARD"] = shard }
        for (name, value) in context.spec.params where name != "cmd" && name != "env" {
            if case .string(let s) = value {
                environment["AIGQ_PARAM_" + Self.envName(name)] = s
            } else {
                environment["AIGQ_PARAM_" + Self.envName(name)] = value.canonicalJSON
            }
        }
        if case .map(let extra)? = context.spec.params["env"] {
            for (key, value) in extra {
                if case .string(let s) = value { environment[key] = s } else { environment[key] = value.canonicalJSON }
            }
        }
        try FileTree.makeFolder(FileTree.parent(context.logPath))
        guard FileManager.default.createFile(atPath: context.logPath, contents: nil) else {
            throw RunnerError(.io, "cannot create the task log '\(context.logPath)'")
        }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: context.logPath))
        defer { try? log.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", cmd]
        process.environment = environment
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }  // set before run(): a fast exit must not be missed
        do {
            try process.run()
        } catch {
            throw RunnerError(.io, "cannot start /bin/sh for stage '\(context.spec.name)': \(error.localizedDescription)")
        }
        if let timeout = context.spec.timeout {
            let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
            if finished.wait(timeout: .now() + seconds) == .timedOut {
                process.terminate()
                if finished.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
                throw RunnerError(.taskFailed, "command timed out after \(timeout) (log: \(context.logPath))")
            }
        } else {
            finished.wait()
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0, process.terminationReason == .exit else {
            let how = process.terminationReason == .exit ? "exited with status \(process.terminationStatus)" : "was killed by signal \(process.terminationStatus)"
            let tail = Self.lastLines(of: context.logPath, count: 3)
            throw RunnerError(.taskFailed, "command \(how)\(tail.isEmpty ? "" : ": " + tail) (log: \(context.logPath))")
        }
        return StageResult()
    }

    /// `name` as an environment variable suffix: upper case, other characters than A–Z, 0–9 → `_`.
    static func envName(_ name: String) -> String {
        String(name.uppercased().map { ($0.isASCII && ($0.isLetter || $0.isNumber)) ? $0 : "_" })
    }

    private static func lastLines(of path: String, count: Int) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "" }
        return text.split(separator: "\n").suffix(count).joined(separator: " / ")
    }
}
