import Foundation
import SyntheticLogs
import Testing

/// Same options and seed ⇒ byte-identical files, whatever the thread count.
@Suite struct DeterminismTests {
    static func configure(_ o: inout GeneratorOptions) {
        o.users = 600
        o.days = 2
        o.zstd = true
        o.filesPerDay = 3
        o.badLineRate = 0.01
    }

    @Test func sameSeedGivesIdenticalBytesAcrossThreadCounts() throws {
        let a = try GeneratedTree("det-a") { Self.configure(&$0); $0.threads = 1 }
        let b = try GeneratedTree("det-b") { Self.configure(&$0); $0.threads = 2 }
        let files = a.allFiles()
        #expect(files == b.allFiles())
        #expect(files.count > 10)
        for file in files {
            let x = try Data(contentsOf: URL(fileURLWithPath: a.root + "/" + file))
            let y = try Data(contentsOf: URL(fileURLWithPath: b.root + "/" + file))
            #expect(x == y, "\(file) differs")
        }
        #expect(a.report == GeneratorReport.relocated(b.report, to: a))
    }

    @Test func anotherSeedGivesOtherData() throws {
        let a = try GeneratedTree("seed-a") { Self.configure(&$0) }
        let b = try GeneratedTree("seed-b") { Self.configure(&$0); $0.seed = 2 }
        let x = try Data(contentsOf: URL(fileURLWithPath: a.raw + "/dims/queries.jsonl"))
        let y = try Data(contentsOf: URL(fileURLWithPath: b.raw + "/dims/queries.jsonl"))
        #expect(x != y)
    }

    @Test func badLinesDoNotChangeTheValidEvents() throws {
        let clean = try GeneratedTree("clean") { Self.configure(&$0); $0.badLineRate = 0 }
        let dirty = try GeneratedTree("dirty") { Self.configure(&$0) }
        for day in clean.report.days {
            let a = try clean.events(day).map { try JSONSerialization.data(withJSONObject: $0.event, options: .sortedKeys) }
            let b = try dirty.events(day).filter { ($0.event["exposure"] as? String)?.hasPrefix("ghost-") != true && RawContract.integer($0.event["item"]).map { $0 < 100_000_000 } ?? true }
                .map { try JSONSerialization.data(withJSONObject: $0.event, options: .sortedKeys) }
            #expect(a.sorted { $0.lexicographicallyPrecedes($1) } == b.sorted { $0.lexicographicallyPrecedes($1) })
        }
    }
}

extension GeneratorReport {
    /// `report` with its folders renamed to those of `tree` (to compare two runs in two folders).
    static func relocated(_ report: GeneratorReport, to tree: GeneratedTree) -> GeneratorReport {
        var r = report
        r.rawFolder = tree.raw
        r.truthFolder = tree.truth
        return r
    }
}

/// `--scale` sizes the population from the event rate of a sample of it.
@Suite struct ScaleTests {
    @Test func scaleReachesAboutTheAskedEventsPerDay() throws {
        let tree = try GeneratedTree("scale") { o in
            o.eventsPerDay = 20_000
            o.days = 1
        }
        #expect(tree.report.events >= 19_000 && tree.report.events <= 22_000, "\(tree.report.events) events")
        #expect(tree.report.leaves == 400)
    }
}
