import Testing

@testable import PipelineCore

@Suite struct PipelineFileParserTests {
    @Test func parsesStagesInFileOrderWithTheirSettings() throws {
        let pipeline = try Fixtures.parse(Fixtures.daily)
        #expect(pipeline.name == "daily")
        #expect(pipeline.schema == 1)
        #expect(pipeline.sources == ["raw_logs"])
        #expect(pipeline.stages.map(\.name) == ["ingest", "sessions", "ctr", "sft", "report"])

        let ingest = try #require(pipeline.stage(named: "ingest"))
        #expect(ingest.kind == "ingest")
        #expect(ingest.codeVersion == 1)
        #expect(ingest.inputs == ["raw_logs"])
        #expect(ingest.outputs == ["events", "users"])
        #expect(ingest.per == .day)
        #expect(ingest.map == .shard)
        #expect(ingest.retries == 2)
        #expect(ingest.timeout == .seconds(600))
        #expect(ingest.threads == .one)
        #expect(ingest.locations.stage == SourceLocation(file: "Pipelines/test.yaml", line: 6, column: 3))
        #expect(ingest.locations.kind == SourceLocation(file: "Pipelines/test.yaml", line: 7, column: 11))

        let ctr = try #require(pipeline.stage(named: "ctr"))
        #expect(ctr.inputs == ["events"])
        #expect(ctr.per == .none)
        #expect(ctr.map == nil)
        #expect(ctr.threads == .all)
        #expect(ctr.timeout == nil)
        #expect(ctr.codeVersion == "2026-11-a")
        #expect(pipeline.stage(named: "sft")?.timeout == .seconds(5400))
    }

    @Test func mergesFileParamsOverKindDefaults() throws {
        let pipeline = try Fixtures.parse(Fixtures.daily)
        #expect(pipeline.stage(named: "sessions")?.params == ["window_days": 14, "gap_minutes": 30])
        #expect(
            pipeline.stage(named: "sft")?.params
                == ["lr": 3e-4, "epochs": 2, "optimizer": "adamw", "layers": [128, 128], "warm_start": true])
        // `env` is optional without a default: present only because the file sets it.
        #expect(pipeline.stage(named: "report")?.params == ["cmd": "python3 report.py", "env": ["MODE": "fast"]])
    }

    @Test func appliesOverridesOverFileParams() throws {
        let pipeline = try Fixtures.parse(
            Fixtures.daily, overrides: ["sft.lr=1e-3", "sft.layers=[64, 64]", "sessions.window_days=3", "ctr.l2=1"])
        let sft = try #require(pipeline.stage(named: "sft"))
        #expect(sft.params["lr"] == .double(1e-3))
        #expect(sft.params["layers"] == [64, 64])
        #expect(pipeline.stage(named: "sessions")?.params["window_days"] == 3)
        #expect(pipeline.stage(named: "ctr")?.params["l2"] == .double(1))
        // Params from overrides have no file location; the file's location of `lr` is kept.
        #expect(sft.locations.params["lr"]?.line == 30)
    }

    @Test func overrideCanSupplyARequiredParam() throws {
        let text = """
            schema: 1
            stages:
              hello:
                kind: command
                outputs: [greeting]
            """
        let pipeline = try Fixtures.parse(text, overrides: ["hello.cmd=echo hi"])
        #expect(pipeline.stage(named: "hello")?.params == ["cmd": "echo hi"])
    }

    @Test func namesThePipelineAfterTheFileWhenNameIsAbsent() throws {
        let text = "schema: 1\nstages:\n  a: {kind: command, params: {cmd: 'true'}, outputs: [x]}\n"
        #expect(try Fixtures.parse(text, file: "Pipelines/nightly.yaml").name == "nightly")
    }

    @Test func listsDatasetsWithProducersAndConsumers() throws {
        let datasets = try Fixtures.parse(Fixtures.daily).datasets
        #expect(
            datasets.map(\.name) == [
                "raw_logs", "events", "users", "behaviors", "direct_sessions", "model/ctr", "model/sft", "reports",
            ])
        #expect(datasets[0] == Dataset(name: "raw_logs", producer: nil, consumers: ["ingest"]))
        #expect(datasets[1] == Dataset(name: "events", producer: "ingest", consumers: ["sessions", "ctr"]))
    }

    @Test(arguments: [
        ("90s", Duration.seconds(90)), ("1h30m", .seconds(5400)), ("500ms", .milliseconds(500)),
        ("2d", .seconds(172_800)),
        ("45", .seconds(45)), ("1.5", .milliseconds(1500)),
    ])
    func parsesTimeouts(text: String, expected: Duration) throws {
        let yaml = "schema: 1\nstages:\n  a:\n    kind: command\n    params: {cmd: 'true'}\n    timeout: \(text)\n"
        #expect(try Fixtures.parse(yaml).stage(named: "a")?.timeout == expected)
    }

    @Test func parsesTaskKeysForStagePartitioning() throws {
        let pipeline = try Fixtures.parse(Fixtures.daily)
        let ingest = try #require(pipeline.stage(named: "ingest"))
        let ctr = try #require(pipeline.stage(named: "ctr"))
        #expect(ingest.taskKey(day: "2026-11-23", shard: "part-00003").description == "ingest@dt=2026-11-23/part-00003")
        #expect(ctr.taskKey(day: "2026-11-23", shard: "part-00003").description == "ctr")
    }
}
