import ArgumentParser
import Foundation
import ManifestStore
import Runner

/// `aigq runs`: run history from the manifest.
struct Runs: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List past runs: status, duration, tasks, rows in/out.")

    @Option(help: "The workspace folder.")
    var workspace = "./Workspace"

    @Option(help: "How many runs to show, newest first.")
    var limit = 20

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let layout = WorkspaceLayout(root: workspace)
        guard FileManager.default.fileExists(atPath: layout.manifestPath) else {
            throw ValidationError("no manifest at '\(layout.manifestPath)'; run `aigq run` first or pass --workspace")
        }
        let summaries = try Manifest(path: layout.manifestPath).runSummaries(limit: limit)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(summaries), as: UTF8.self))
            return
        }
        let formatter = ISO8601DateFormatter()
        print("run  started               status       seconds  tasks (ran/cached/failed/skipped)  rows in  rows out")
        for s in summaries {
            let seconds = s.run.finishedAt.map { String(format: "%.2f", $0.timeIntervalSince(s.run.startedAt)) } ?? "-"
            let counts = "\(s.taskCounts[.succeeded] ?? 0)/\(s.taskCounts[.cached] ?? 0)/\(s.taskCounts[.failed] ?? 0)/\(s.taskCounts[.skipped] ?? 0)"
            print(
                "\(String(s.run.id).padding(toLength: 4, withPad: " ", startingAt: 0)) \(formatter.string(from: s.run.startedAt))  \(s.run.status.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(seconds.padding(toLength: 8, withPad: " ", startingAt: 0)) \(counts.padding(toLength: 34, withPad: " ", startingAt: 0)) \(String(s.rowsIn).padding(toLength: 8, withPad: " ", startingAt: 0)) \(s.rowsOut)")
        }
    }
}
