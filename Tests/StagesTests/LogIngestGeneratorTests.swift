import Columnar
import Foundation
import PipelineCore
import Stages
import SyntheticLogs
import Testing

@Suite("Ingest: against the generator")
struct LogIngestGeneratorTests {
    /// The generator records every malformed line it injects (truth/bad_lines.jsonl): ingest must
    /// quarantine exactly those lines, and keep and count the unknown exposures and items.
    @Test func quarantineMatchesTheBadLinesTheGeneratorInjected() throws {
        let root = FileManager.default.temporaryDirectory.path + "/aigq-ingest-gen-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        var options = GeneratorOptions()
        options.users = 150
        options.days = 1
        options.filesPerDay = 3
        options.zstd = true
        options.badLineRate = 0.01
        options.rawFolder = root + "/raw"
        options.truthFolder = root + "/truth"
        let report = try LogGenerator.write(options)
        let day = report.days[0]

        let f = LogIngestFixture(day: day)
        let dayFolder = root + "/raw/dt=" + day
        var context = f.context(params: ["max_bad_fraction": 0.2])
        context.inputFolders["raw"] = dayFolder
        context.inputFiles["raw"] = f.files(under: dayFolder) + f.files(under: root + "/raw/dims")
        try f.run(context)

        let ours = Set(try f.quarantine(context).map { "\($0.file):\($0.line)" })
        let truthText = try String(contentsOfFile: root + "/truth/dt=\(day)/bad_lines.jsonl", encoding: .utf8)
        var refused = Set<String>()
        var kept: [String: Int] = [:]
        for line in truthText.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let kind = object["kind"] as? String ?? ""
            let place = "\(object["file"] as? String ?? ""):\(object["line"] as? Int ?? 0)"
            if kind == "unknown_exposure" || kind == "unknown_item" { kept[kind, default: 0] += 1 } else { refused.insert(place) }
        }
        #expect(!refused.isEmpty)
        #expect(ours == refused)
        let log = f.log(context)
        #expect(log.contains("hint clicks of an exposure not logged that day: \(kept["unknown_exposure"] ?? 0);"), "\(log)")
        #expect(log.contains("purchases of items not in the catalogue: \(kept["unknown_item"] ?? 0)"), "\(log)")
    }
}
