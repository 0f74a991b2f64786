import Foundation
import Testing

/// `aigq run`, `status`, `runs` and `dag` run as a user runs them, on a temp workspace.
@Suite struct RunCommandTests {
    static let pipeline = """
        schema: 1
        name: demo
        sources: [raw]
        stages:
          upper:
            kind: command
            inputs: [raw]
            outputs: [upper]
            per: day
            params:
              cmd: cat "$AIGQ_IN_RAW"/*.txt | tr a-z A-Z > "$AIGQ_OUT_UPPER/all.txt"
          report:
            kind: command
            inputs: [upper]
            outputs: [report]
            params:
              cmd: cat "$AIGQ_IN_UPPER"/*/all.txt | wc -l | tr -d ' ' > "$AIGQ_OUT_REPORT/lines.txt"
        """

    static func workspace() throws -> (TemporaryDirectory, [String]) {
        let dir = TemporaryDirectory("run")
        try pipeline.write(toFile: dir.file("demo.yaml"), atomically: true, encoding: .utf8)
        for day in ["2026-11-23", "2026-11-24"] {
            let folder = dir.file("ws/data/raw/dt=\(day)")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try "a\nb\n".write(toFile: folder + "/part-00000.txt", atomically: true, encoding: .utf8)
        }
        return (dir, ["--pipeline", dir.file("demo.yaml"), "--workspace", dir.file("ws")])
    }

    @Test func runThenStatusThenNothingToDo() throws {
        let (dir, common) = try Self.workspace()
        let first = try AIGQBinary.run(["run"] + common)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("ran 3, fresh 0, failed 0, skipped 0"))
        #expect(try String(contentsOfFile: dir.file("ws/data/report/lines.txt"), encoding: .utf8) == "4\n")
        let status = try AIGQBinary.run(["status"] + common)
        #expect(status.stdout.hasSuffix("everything is fresh\n"))
        let second = try AIGQBinary.run(["run"] + common)
        #expect(second.stdout.contains("ran 0, fresh 3, failed 0, skipped 0"))
        let runs = try AIGQBinary.run(["runs", "--workspace", dir.file("ws"), "--json"])
        #expect(runs.status == 0)
        #expect(runs.stdout.contains("\"status\":\"succeeded\""))
    }

    @Test func statusExplainsWhyATaskIsStale() throws {
        let (dir, common) = try Self.workspace()
        _ = try AIGQBinary.run(["run"] + common)
        try "c\n".write(toFile: dir.file("ws/data/raw/dt=2026-11-24/part-00000.txt"), atomically: true, encoding: .utf8)
        let status = try AIGQBinary.run(["status"] + common)
        #expect(status.stdout == """
            upper@dt=2026-11-23  fresh  
            upper@dt=2026-11-24  stale    input raw dt=2026-11-24 part-00000.txt changed
            report               fresh    upstream upper@dt=2026-11-24 will run
            2 of 3 tasks would run

            """.replacingOccurrences(of: "report               fresh  ", with: "report               stale  "))
    }

    @Test func failedTaskIsOneSentenceAndExitOne() throws {
        let (dir, common) = try Self.workspace()
        let broken = Self.pipeline.replacingOccurrences(of: "cat \"$AIGQ_IN_RAW\"", with: "echo boom >&2; exit 4; cat \"$AIGQ_IN_RAW\"")
        try broken.write(toFile: dir.file("demo.yaml"), atomically: true, encoding: .utf8)
        let result = try AIGQBinary.run(["run", "--jobs", "1"] + common)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Error: 1 task failed, first upper@dt=2026-11-23: command exited with status 4: boom (log: "))
    }

    @Test func pipelineErrorsPointAtTheLine() throws {
        let (dir, common) = try Self.workspace()
        try Self.pipeline.replacingOccurrences(of: "kind: command\n    inputs: [upper]", with: "kind: comand\n    inputs: [upper]")
            .write(toFile: dir.file("demo.yaml"), atomically: true, encoding: .utf8)
        let result = try AIGQBinary.run(["run"] + common)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: \(dir.file("demo.yaml")):13:11: unknown kind 'comand'; did you mean 'command'?"))
    }

    @Test func dagDrawsMermaid() throws {
        let (dir, common) = try Self.workspace()
        let result = try withExtendedLifetime(dir) { try AIGQBinary.run(["dag", "--format", "mermaid"] + common) }
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("flowchart LR"))
        #expect(result.stdout.contains("upper"))
    }
}

/// `aigq backfill` runs days in order and refuses days without source data.
@Suite struct BackfillCommandTests {
    @Test func runsEachDayInOrder() throws {
        let (dir, common) = try RunCommandTests.workspace()
        let result = try AIGQBinary.run(["backfill", "--from", "2026-11-23", "--to", "2026-11-24"] + common)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            day 2026-11-23 (1 of 2): ran 2, fresh 0, failed 0, skipped 0
            day 2026-11-24 (2 of 2): ran 2, fresh 0, failed 0, skipped 0

            """)
        #expect(try String(contentsOfFile: dir.file("ws/data/report/lines.txt"), encoding: .utf8) == "4\n")
    }

    @Test func refusesDaysWithoutSourceData() throws {
        let (dir, common) = try RunCommandTests.workspace()
        let result = try withExtendedLifetime(dir) {
            try AIGQBinary.run(["backfill", "--from", "2026-11-22", "--to", "2026-11-23"] + common)
        }
        #expect(result.status == 1)
        #expect(result.stderr == "Error: no source data for 2026-11-22 (no dt= partition in 'raw'); add it or choose other days\n")
    }
}
