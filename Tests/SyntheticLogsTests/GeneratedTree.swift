import Columnar
import Foundation
@testable import SyntheticLogs

/// A generation into a fresh temp folder, with helpers to read what was written.
final class GeneratedTree {
    let root: String
    let report: GeneratorReport
    var raw: String { root + "/raw" }
    var truth: String { root + "/truth" }

    /// Generates `options` (folders replaced by the temp ones).
    init(_ label: String, _ configure: (inout GeneratorOptions) -> Void) throws {
        root = FileManager.default.temporaryDirectory.path + "/aigq-gen-\(label)-\(UUID().uuidString)"
        var options = GeneratorOptions()
        configure(&options)
        options.rawFolder = root + "/raw"
        options.truthFolder = root + "/truth"
        report = try LogGenerator.write(options)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Every file below the root, relative paths, sorted.
    func allFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue { files.append(path) }
        }
        return files.sorted()
    }

    /// The event files of `day` (names).
    func eventFiles(_ day: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: "\(raw)/dt=\(day)").filter { $0.hasPrefix("part-") }.sorted()
    }

    /// The bytes of an event file, decompressed when `.zst`.
    func content(day: String, file: String) throws -> [UInt8] {
        let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(raw)/dt=\(day)/\(file)")))
        guard file.hasSuffix(".zst") else { return data }
        let decompressor = try ZstdStreamDecompressor()
        var out: [UInt8] = []
        try data.withUnsafeBytes { try decompressor.decompress($0, into: &out) }
        try decompressor.finish()
        return out
    }

    /// The physical lines of an event file (1-based numbering = index + 1), without `\r\n`/`\n`.
    func lines(day: String, file: String) throws -> [[UInt8]] {
        var lines = try content(day: day, file: file).split(separator: 0x0A, omittingEmptySubsequences: false).map { line -> [UInt8] in
            var l = Array(line)
            if l.last == 0x0D { l.removeLast() }
            return l
        }
        if lines.last?.isEmpty == true { lines.removeLast() }  // the final line end
        return lines
    }

    /// The JSON objects of a JSON Lines file below the root.
    func objects(_ relative: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        }
    }

    /// All valid events of `day` (lines that parse and pass the contract), with their file and line.
    func events(_ day: String) throws -> [(file: String, line: Int, event: [String: Any])] {
        let start = Int64(CivilDate(day)!.startMillis)
        var out: [(String, Int, [String: Any])] = []
        for file in try eventFiles(day) {
            for (i, line) in try lines(day: day, file: file).enumerated() where !line.isEmpty {
                guard let object = RawContract.parse(line),
                    RawContract.problem(object, dayStart: start) == nil
                else { continue }
                out.append((file, i + 1, object))
            }
        }
        return out
    }
}
