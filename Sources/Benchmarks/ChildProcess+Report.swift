extension ChildProcess {
    /// Runs a measurement process and parses its JSON line (``WorkerReport``); errors say `what`
    /// failed, quote the end of its stderr and give a hint (the venv recipe when a peer lacks a package).
    func runReporting(what: String, scratch: String, isPeer: Bool = false) throws -> (report: WorkerReport, outcome: Outcome) {
        let outcome = try run(scratch: scratch)
        guard outcome.exitCode == 0, let report = WorkerReport.parse(outcome.standardOutput) else {
            let tail = outcome.standardError.split(separator: "\n").suffix(12).joined(separator: "\n")
            var hint = "run it by hand to see why: \(commandLine)"
            if isPeer && (tail.contains("ModuleNotFoundError") || tail.contains("No module named")) {
                hint = "the venv lacks a peer package; install them with: \(PeerSetup.venvHint)"
            }
            let how = outcome.exitCode == 0 ? "printed no result line" : "exited with status \(outcome.exitCode)"
            throw BenchmarkError("\(what) \(how):\n\(tail)\n\(hint)")
        }
        return (report, outcome)
    }
}
