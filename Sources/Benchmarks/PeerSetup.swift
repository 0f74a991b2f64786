import Foundation

/// Where the Python peers live: the interpreter of the venv holding pyarrow, Polars and DuckDB, and
/// the worker script (`Tests/Python/bench_parquet_peer.py` unless another is named).
public struct PeerSetup: Sendable {
    /// The Python interpreter.
    public var python: String
    /// The peer worker script.
    public var script: String

    /// The venv recipe printed when the interpreter is missing.
    public static let venvHint =
        "python3 -m venv .venv && .venv/bin/pip install -r Tests/Python/requirements.txt"

    /// Finds the interpreter (`python`, else `$AIGQ_PYTHON`, else `.venv/bin/python` in the current
    /// directory) and the worker script `relative` (under the current directory, else above the executable).
    public static func locate(
        python: String?, environment: [String: String], executable: String,
        script relative: String = "Tests/Python/bench_parquet_peer.py"
    ) throws -> PeerSetup {
        let fm = FileManager.default
        let (chosen, how): (String, String) =
            if let python { (python, "--python") } else if let env = environment["AIGQ_PYTHON"], !env.isEmpty {
                (env, "AIGQ_PYTHON")
            } else { (".venv/bin/python", "the default") }
        guard fm.isExecutableFile(atPath: chosen) else {
            throw BenchmarkError(
                """
                no Python interpreter at '\(chosen)' (\(how)); the peers (pyarrow, Polars, DuckDB) need one. \
                Create the venv from the repository root with: \(venvHint) \
                — or point --python / AIGQ_PYTHON at an interpreter that has them, or pass --no-peers to run aigq alone.
                """)
        }
        var candidates = [fm.currentDirectoryPath + "/" + relative]
        var dir = URL(fileURLWithPath: executable).deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.path + "/" + relative)
            dir.deleteLastPathComponent()
        }
        guard let script = candidates.first(where: { fm.fileExists(atPath: $0) }) else {
            throw BenchmarkError(
                "cannot find \(relative) (looked in the current directory and above the aigq executable); run from the repository root, or pass --no-peers")
        }
        return PeerSetup(python: chosen, script: script)
    }
}
