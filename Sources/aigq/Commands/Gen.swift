import ArgumentParser
import Foundation
import SyntheticLogs

/// `aigq gen`: deterministic synthetic raw logs (spec §11) and their latent truth.
struct Gen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate synthetic user-behaviour logs (the raw contract) and their latent truth.",
        discussion: """
            Writes W/data/raw/dims/*.jsonl and W/data/raw/dt=DAY/*.jsonl[.zst] with _SUCCESS, exactly the \
            raw log contract that ingest reads, and the generator's latent truth to W/data/truth/dt=DAY/: \
            oracle.jsonl ({"user": 7, "queries": [30 queries, best first]}: the best list given the user's \
            true interests that day), interests.jsonl (the day's interest weights per leaf category) and, \
            with --bad-lines, bad_lines.jsonl (file, 1-based line and kind of every injected line). Truth \
            lines exist for users with at least one event that day.

            Users have latent interests correlated with their profile that drift from day to day and \
            spread along a complement graph between leaf categories; hint clicks follow the current \
            interest, the logged ranker candidates the long-term one. Files, line order, line ends, \
            number spellings and extra fields vary as the contract allows. The same options and seed \
            give byte-identical files.

            Default size: 3000 users × 8 days (about 200,000 events). --scale N sizes the population \
            for about N events per day instead (e.g. --scale 10000000 --days 1 for the ingest benchmark).
            """)

    @Option(help: "The workspace folder.")
    var workspace = "./Workspace"

    @Option(help: "Users in the population (default: 3000).")
    var users: Int?

    @Option(help: "Number of days.")
    var days = 8

    @Option(help: "The first day, YYYY-MM-DD (UTC).")
    var start = "2026-11-16"

    @Option(help: "Seed of every random choice.")
    var seed: UInt64 = 1

    @Option(help: "Event files per day.")
    var filesPerDay = 4

    @Flag(help: "Compress every other event file of a day as .jsonl.zst.")
    var zstd = false

    @Option(name: .customLong("bad-lines"), help: ArgumentHelp("Inject malformed lines at this rate per line (e.g. 0.002), recorded in bad_lines.jsonl.", valueName: "rate"))
    var badLines: Double = 0

    @Option(help: ArgumentHelp("Size the population for about this many events per day (instead of --users).", valueName: "events-per-day"))
    var scale: Int?

    @Option(help: "Top-level categories, 1-20, each with 5 groups of 4 leaves (default: one per 125 users, 2 at least).")
    var categories: Int?

    @Option(help: ArgumentHelp("Write DIR/raw and DIR/truth instead of W/data/raw and W/data/truth.", valueName: "dir"))
    var out: String?

    @Flag(inversion: .prefixedNo, help: "Write the latent truth.")
    var truth = true

    @Flag(help: "Replace existing raw and truth folders (with --no-truth, an old truth folder is removed).")
    var force = false

    @Option(help: "Worker threads (default: the number of cores; the output does not depend on it).")
    var threads: Int?

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        if users != nil && scale != nil { throw ValidationError("--users and --scale exclude each other: --scale sizes the population itself.") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads)).") }
    }

    func run() throws {
        let data = out ?? (workspace + "/data")
        var options = GeneratorOptions()
        if let users { options.users = users }
        options.days = days
        options.start = start
        options.seed = seed
        options.filesPerDay = filesPerDay
        options.zstd = zstd
        options.badLineRate = badLines
        options.eventsPerDay = scale
        options.topCategories = categories
        options.rawFolder = data + "/raw"
        options.truthFolder = truth ? data + "/truth" : nil
        options.replace = force
        options.threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
        try options.validate()
        if force && !truth, FileManager.default.fileExists(atPath: data + "/truth") {
            try FileManager.default.removeItem(atPath: data + "/truth")  // it described the replaced logs
        }

        let started = Date()
        let terminal = isatty(2) == 1 && !json
        let report = try LogGenerator.write(options) { progress in
            guard terminal else { return }
            let seconds = Date().timeIntervalSince(started)
            let line = String(format: "gen: users %d/%d (%.0f%%), %d events, %.1f s", progress.usersDone, progress.usersTotal,
                              100 * Double(progress.usersDone) / Double(max(1, progress.usersTotal)), progress.events, seconds)
            FileHandle.standardError.write(Data(("\u{1B}[2K\r" + line).utf8))
        }
        if terminal { FileHandle.standardError.write(Data("\u{1B}[2K\r".utf8)) }
        let seconds = Date().timeIntervalSince(started)
        if json {
            print(Self.json(report, seconds: seconds))
        } else {
            for line in Self.text(report, seconds: seconds) { print(line) }
        }
    }

    static func text(_ r: GeneratorReport, seconds: Double) -> [String] {
        var lines = [
            "days      \(r.days.first ?? "-") … \(r.days.last ?? "-") (\(r.days.count))",
            "users     \(r.users)  (\(r.leaves) leaf categories, \(r.queries) queries, \(r.items) items)",
            "events    \(r.events)" + (r.badLines > 0 ? " + \(r.badLines) injected bad lines" : ""),
            "files     \(r.files) event files, \(mebibytes(r.eventBytes)) MiB; dims \(mebibytes(r.dimensionBytes)) MiB",
            "raw       \(r.rawFolder)",
        ]
        if let truth = r.truthFolder { lines.append("truth     \(truth) (\(mebibytes(r.truthBytes)) MiB)") }
        lines.append(String(format: "time      %.2f s (%.0f events/s)", seconds, Double(r.events) / max(seconds, 1e-9)))
        return lines
    }

    static func json(_ r: GeneratorReport, seconds: Double) -> String {
        let object: [String: Any] = [
            "days": r.days, "users": r.users, "leaves": r.leaves, "queries": r.queries, "items": r.items,
            "events": r.events, "events_per_day": r.eventsPerDay, "bad_lines": r.badLines, "files": r.files,
            "event_bytes": r.eventBytes, "dims_bytes": r.dimensionBytes, "truth_bytes": r.truthBytes,
            "raw": r.rawFolder, "truth": r.truthFolder ?? NSNull(), "seconds": (seconds * 1000).rounded() / 1000,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private static func mebibytes(_ bytes: Int64) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
}
