import Foundation
import PipelineCore

/// The raw input of one day: its event files (`dt=DAY/*.jsonl[.zst]`, sorted by name) and the dims
/// files, once the day is complete (its folder holds `_SUCCESS`).
struct RawDay {
    /// The `dt=DAY` folder.
    var folder: String
    /// Event files: name relative to the day folder, and absolute path; sorted by name.
    var eventFiles: [(name: String, path: String)]
    /// Dims files by file name (`users.jsonl`).
    var dimsFiles: [String: String]

    /// The marker of a complete day.
    static let successMarker = "_SUCCESS"

    /// The day's files from the stage context; without `_SUCCESS`, waits up to `waitSeconds`
    /// (polling the folder) or fails saying the day is still being written.
    static func locate(_ context: StageContext, day: String, waitSeconds: Int) throws -> RawDay {
        let files = context.files(of: "raw")
        guard let folder = context.inputFolders["raw"] ?? files.first(where: { $0.contains("/dt=\(day)/") }).map({ ($0 as NSString).deletingLastPathComponent }) else {
            throw StageError(.badInput, "ingest of \(day): the stage has no 'raw' input; list raw under its inputs")
        }
        var dayFiles = files.filter { $0.hasPrefix(folder + "/") }
        let marker = folder + "/" + successMarker
        if !FileManager.default.fileExists(atPath: marker) {
            guard waitSeconds > 0 else {
                throw StageError(.badInput, "ingest of \(day): '\(folder)' has no \(successMarker), so the day is still being written; rerun once the producer has written \(successMarker) (or set param wait_seconds to wait for it)")
            }
            let deadline = Date().addingTimeInterval(TimeInterval(waitSeconds))
            while !FileManager.default.fileExists(atPath: marker) {
                guard Date() < deadline else {
                    throw StageError(.badInput, "ingest of \(day): waited \(waitSeconds) s for '\(marker)', which did not appear; the day is still being written — rerun later")
                }
                Thread.sleep(forTimeInterval: 0.2)
            }
            // The producer finished while we waited: take the folder's files as they are now.
            dayFiles = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).map { folder + "/" + $0 }
        }
        let events = dayFiles.compactMap { path -> (String, String)? in
            let name = String(path.dropFirst(folder.count + 1))
            let base = (name as NSString).lastPathComponent
            guard !base.hasPrefix("."), name.hasSuffix(".jsonl") || name.hasSuffix(".jsonl.zst") else { return nil }
            return (name, path)
        }.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        var dims: [String: String] = [:]
        for path in files where !path.contains("/dt=") && path.contains("/dims/") {
            let name = (path as NSString).lastPathComponent
            guard name.hasSuffix(".jsonl") || name.hasSuffix(".jsonl.zst") else { continue }
            dims[name.hasSuffix(".zst") ? String(name.dropLast(4)) : name] = path
        }
        return RawDay(folder: folder, eventFiles: events, dimsFiles: dims)
    }
}
