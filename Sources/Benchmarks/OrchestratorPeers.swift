import Foundation

/// Where the peers of `aigq bench orchestrator` live: DVC and Snakemake in a venv
/// (`.venv-orchestrator`), GNU make on the PATH.
public struct OrchestratorPeers: Sendable {
    /// `dvc` in the venv.
    public var dvc: String
    /// `snakemake` in the venv.
    public var snakemake: String
    /// GNU make.
    public var make: String

    /// The venv recipe printed when a peer is missing (run from the repository root).
    public static let venvHint =
        "python3 -m venv .venv-orchestrator && echo '*' > .venv-orchestrator/.gitignore && .venv-orchestrator/bin/pip install -r Tests/Python/requirements-orchestrator.txt"

    /// Finds the venv (`venv`, else `$AIGQ_ORCHESTRATOR_VENV`, else `.venv-orchestrator` in the current
    /// directory or above the executable) and `make` on the PATH.
    /// Without `needsVenv` (only make was asked for), the venv is not required.
    public static func locate(
        venv: String?, environment: [String: String], executable: String, needsVenv: Bool = true
    ) throws -> OrchestratorPeers {
        let fm = FileManager.default
        var candidates: [String]
        let how: String
        if let venv {
            candidates = [venv]
            how = "--venv"
        } else if let env = environment["AIGQ_ORCHESTRATOR_VENV"], !env.isEmpty {
            candidates = [env]
            how = "AIGQ_ORCHESTRATOR_VENV"
        } else {
            candidates = [fm.currentDirectoryPath + "/.venv-orchestrator"]
            var dir = URL(fileURLWithPath: executable).deletingLastPathComponent()
            for _ in 0..<5 {
                candidates.append(dir.path + "/.venv-orchestrator")
                dir.deleteLastPathComponent()
            }
            how = "the default, looked for in the current directory and above the aigq executable"
        }
        let found = candidates.first { fm.isExecutableFile(atPath: $0 + "/bin/dvc") && fm.isExecutableFile(atPath: $0 + "/bin/snakemake") }
        guard let root = found ?? (needsVenv ? nil : candidates[0]) else {
            throw BenchmarkError(
                """
                no venv with dvc and snakemake at '\(candidates[0])' (\(how)). Create it from the repository root with: \
                \(venvHint) — or point --venv / AIGQ_ORCHESTRATOR_VENV at one, or pass --no-peers to run aigq alone.
                """)
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        guard let make = path.split(separator: ":").map({ $0 + "/make" }).first(where: { fm.isExecutableFile(atPath: $0) }) else {
            throw BenchmarkError("GNU make is not on the PATH; install it with `apt-get install -y make`, or pass --no-peers")
        }
        return OrchestratorPeers(dvc: root + "/bin/dvc", snakemake: root + "/bin/snakemake", make: make)
    }
}
