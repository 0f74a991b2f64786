import Foundation

/// The crash harness's pipeline and raw data, and a way to see a workspace as it is on disk and in
/// its manifest (through `python3`'s sqlite3: this test target does not link GRDB).
///
/// ```
/// raw (2 days × 3 shards) ─ clean (per day, map: shard; line by line) ─▶ clean, lens
///                                    clean ─ daily (per day; dd appends) ─▶ daily (nested), blobs
///          daily, blobs, lens ─ total (unpartitioned, threads: all; line by line) ─▶ report
/// raw ─ side (unpartitioned; dd appends, slowly) ─▶ rawcat
/// ```
///
/// Every command writes its files piecewise with short sleeps in between (a shell loop of appends,
/// repeated `dd oflag=append`), so a kill lands in the middle of a write, and every byte written is
/// a function of the inputs only (no times, pids or temporary paths), so any two complete runs
/// produce identical files.
enum CrashWorkspace {
    static let pipeline = #"""
        schema: 1
        name: crash
        sources: [raw]
        stages:
          clean:
            kind: command
            inputs: [raw]
            outputs: [clean, lens]
            per: day
            map: shard
            params:
              cmd: |
                n=0
                while IFS= read -r line; do
                  n=$((n + 1))
                  printf '%s %04d %s\n' "$AIGQ_DAY" "$n" "$line" | tr a-z A-Z >> "$AIGQ_OUT_CLEAN/$AIGQ_SHARD"
                  if [ $((n % 8)) -eq 0 ]; then sleep 0.005; fi
                done < "$AIGQ_IN_RAW/$AIGQ_SHARD"
                wc -c < "$AIGQ_OUT_CLEAN/$AIGQ_SHARD" | tr -d ' ' > "$AIGQ_OUT_LENS/$AIGQ_SHARD.len"
          daily:
            kind: command
            inputs: [clean]
            outputs: [daily, blobs]
            per: day
            params:
              cmd: |
                mkdir -p "$AIGQ_OUT_DAILY/nested/deep"
                cat $(find "$AIGQ_IN_CLEAN" -type f -name '*.txt' | sort) > "$AIGQ_OUT_DAILY/all.txt"
                cut -d ' ' -f 3- "$AIGQ_OUT_DAILY/all.txt" | sort | uniq -c > "$AIGQ_OUT_DAILY/summary.txt"
                for i in 1 2 3 4 5 6 7 8 9 10; do
                  dd if="$AIGQ_OUT_DAILY/all.txt" of="$AIGQ_OUT_BLOBS/blob.bin" bs=97 oflag=append conv=notrunc status=none
                  sleep 0.01
                done
                wc -l < "$AIGQ_OUT_DAILY/all.txt" | tr -d ' ' > "$AIGQ_OUT_DAILY/nested/deep/count.txt"
          side:
            kind: command
            inputs: [raw]
            outputs: [rawcat]
            params:
              cmd: |
                for f in $(cd "$AIGQ_IN_RAW" && find . -type f -not -path '*/.*' | sort); do
                  dd if="$AIGQ_IN_RAW/$f" of="$AIGQ_OUT_RAWCAT/concat.txt" bs=16 oflag=append conv=notrunc status=none
                  sleep 0.02
                done
                sha256sum < "$AIGQ_OUT_RAWCAT/concat.txt" | cut -c 1-64 > "$AIGQ_OUT_RAWCAT/concat.sha256"
          total:
            kind: command
            inputs: [daily, blobs, lens]
            outputs: [report]
            threads: all
            params:
              cmd: |
                for f in $(cd "$AIGQ_IN_DAILY" && find . -type f -not -path '*/.*' | sort); do
                  printf '%s %s\n' "$f" "$(cksum < "$AIGQ_IN_DAILY/$f")" >> "$AIGQ_OUT_REPORT/report.txt"
                  sleep 0.01
                done
                cat $(find "$AIGQ_IN_BLOBS" -type f -not -path '*/.*' | sort) | cksum > "$AIGQ_OUT_REPORT/blobs.cksum"
                cat $(find "$AIGQ_IN_LENS" -type f -not -path '*/.*' | sort) | awk '{ s += $1 } END { print s }' > "$AIGQ_OUT_REPORT/bytes.txt"
        """#

    /// The tasks of the pipeline (6 clean, 2 daily, side, total).
    static let taskCount = 10
    /// Datasets no stage writes.
    static let sources: Set<String> = ["raw"]

    /// A slow pipeline for the lock tests (one task per day): each task sleeps `seconds` (a param,
    /// so `-p slow.seconds=…` sets how long a run holds the workspace), then copies its day.
    static let slowPipeline = #"""
        schema: 1
        name: slow
        sources: [raw]
        stages:
          slow:
            kind: command
            inputs: [raw]
            outputs: [copy]
            per: day
            params:
              cmd: sleep "$AIGQ_PARAM_SECONDS"; cat "$AIGQ_IN_RAW"/*.txt > "$AIGQ_OUT_COPY/all.txt"
              seconds: 5
        """#

    /// Writes the pipeline file `pipelineText` to `folder/pipeline.yaml` and the raw data into
    /// `folder/ws/data/raw`; returns the pipeline file's path and the workspace.
    static func create(in folder: String, pipelineText: String = pipeline) throws -> (pipeline: String, workspace: String) {
        let pipelinePath = folder + "/pipeline.yaml"
        try pipelineText.write(toFile: pipelinePath, atomically: true, encoding: .utf8)
        let workspace = folder + "/ws"
        for day in ["2026-11-23", "2026-11-24"] {
            let partition = "\(workspace)/data/raw/dt=\(day)"
            try FileManager.default.createDirectory(atPath: partition, withIntermediateDirectories: true)
            for k in 1...3 {
                let lines = (1...40).map { i in "query \((i * k) % 7) word\(k)-\(i)\n" }.joined()
                try lines.write(toFile: "\(partition)/part-0000\(k).txt", atomically: true, encoding: .utf8)
            }
        }
        return (pipelinePath, workspace)
    }

    /// Every regular file under `workspace/data` that is not hidden (no path component starts with
    /// `.`), with its bytes, keyed by the path relative to `data/`.
    static func visibleFiles(_ workspace: String) throws -> [String: Data] {
        let data = workspace + "/data"
        var out: [String: Data] = [:]
        func walk(_ dir: String, _ prefix: String) throws {
            for name in try FileManager.default.contentsOfDirectory(atPath: dir) where !name.hasPrefix(".") {
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: dir + "/" + name, isDirectory: &isDir) else { continue }
                if isDir.boolValue {
                    try walk(dir + "/" + name, prefix + name + "/")
                } else {
                    out[prefix + name] = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
                }
            }
        }
        try walk(data, "")
        return out
    }
}

/// A workspace as it is now: every file under `data/` (hidden ones too) with its size, SHA-256,
/// inode and mtime, the hidden entries, and the manifest's shard rows, task states, runs and task
/// runs. Read by a small Python script (sqlite3 opened read-only; a missing manifest, or one killed
/// before its tables were created, reads as empty).
struct WorkspaceSnapshot: Decodable {
    struct File: Decodable {
        var path: String
        var size: Int64
        var sha256: String
        var inode: UInt64
        var mtimeNs: Int64
        var hidden: Bool
    }
    struct Shard: Decodable {
        var dataset: String
        var path: String
        var size: Int64
        var mtimeNs: Int64
        var inode: UInt64
        var checksum: String
        var task: String
    }
    struct Output: Decodable, Hashable {
        var dataset: String
        var path: String
        var checksum: String
        var size: Int64
    }
    struct State: Decodable {
        var task: String
        var outputs: [Output]
    }
    struct Run: Decodable {
        var id: Int64
        var status: String
    }
    struct TaskRun: Decodable {
        var task: String
        var status: String
    }

    var files: [File]
    /// Entries whose own name starts with `.` (not descending into them), relative to `data/`.
    var hidden: [String]
    /// Anything under `data/` that is neither a regular file nor a folder.
    var special: [String]
    var shards: [Shard]
    var states: [State]
    var runs: [Run]
    var taskRuns: [TaskRun]

    /// Files by path (relative to `data/`).
    var filesByPath: [String: File] { Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) }) }

    /// Tasks recorded as succeeded whose every recorded output is on disk with its recorded checksum:
    /// exactly the tasks a run must find fresh (the pipeline is deterministic).
    var recordedIntactTasks: Set<String> {
        let byPath = filesByPath
        return Set(
            states.filter { state in
                state.outputs.allSatisfy { byPath["\($0.dataset)/\($0.path)"]?.sha256 == $0.checksum }
            }.map(\.task))
    }

    static let script = #"""
        import hashlib, json, os, sqlite3, stat, sys, urllib.parse
        ws = sys.argv[1]
        data = os.path.join(ws, "data")
        files, hidden, special = [], [], []
        def walk(folder, rel, in_hidden):
            try:
                names = sorted(os.listdir(folder))
            except FileNotFoundError:
                return
            for name in names:
                path = os.path.join(folder, name)
                r = rel + name
                h = in_hidden or name.startswith(".")
                if name.startswith(".") and not in_hidden:
                    hidden.append(r)
                try:
                    st = os.lstat(path)
                except FileNotFoundError:
                    continue
                if stat.S_ISDIR(st.st_mode):
                    walk(path, r + "/", h)
                elif stat.S_ISREG(st.st_mode):
                    with open(path, "rb") as f:
                        digest = hashlib.sha256(f.read()).hexdigest()
                    files.append({"path": r, "size": st.st_size, "sha256": digest, "inode": st.st_ino,
                                  "mtimeNs": st.st_mtime_ns, "hidden": h})
                else:
                    special.append(r)
        walk(data, "", False)
        shards, states, runs, task_runs = [], [], [], []
        mp = os.path.join(ws, "manifest.sqlite")
        if os.path.exists(mp):
            con = sqlite3.connect("file:" + urllib.parse.quote(mp) + "?mode=ro", uri=True)
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "shard" in tables:
                for d, p, size, mt, ino, cs, task in con.execute(
                        "SELECT dataset, relative_path, size, mtime_ns, inode, checksum, producing_task_key FROM shard ORDER BY 1, 2"):
                    shards.append({"dataset": d, "path": p, "size": size, "mtimeNs": mt, "inode": ino & 0xFFFFFFFFFFFFFFFF,
                                   "checksum": cs, "task": task})
            if "task_state" in tables:
                for task, outputs in con.execute("SELECT task_key, outputs_json FROM task_state ORDER BY 1"):
                    states.append({"task": task, "outputs": [
                        {"dataset": o["dataset"], "path": o["path"], "checksum": o["checksum"], "size": o["size"]}
                        for o in json.loads(outputs)]})
            if "run" in tables:
                runs = [{"id": i, "status": s} for i, s in con.execute("SELECT id, status FROM run ORDER BY id")]
            if "task_run" in tables:
                task_runs = [{"task": t, "status": s} for t, s in con.execute("SELECT task_key, status FROM task_run ORDER BY id")]
            con.close()
        json.dump({"files": files, "hidden": hidden, "special": special, "shards": shards, "states": states,
                   "runs": runs, "taskRuns": task_runs}, sys.stdout)
        """#

    /// Reads `workspace` (the script is written once into `scratch`).
    static func take(_ workspace: String, scratch: String) throws -> WorkspaceSnapshot {
        let scriptPath = scratch + "/snapshot.py"
        if !FileManager.default.fileExists(atPath: scriptPath) {
            try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [scriptPath, workspace]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CrashHarnessError("snapshot of \(workspace) failed: \(String(decoding: errors, as: UTF8.self))")
        }
        return try JSONDecoder().decode(WorkspaceSnapshot.self, from: data)
    }
}

/// The part of `aigq run --json` / `aigq status --json` the harness reads.
struct ReportJSON: Decodable {
    struct Outcome: Decodable {
        var task: String
        var status: String
        var state: String?
        var causes: [String]
    }
    var outcomes: [Outcome]
}
