import Testing

@testable import PipelineCore

/// Exact rendered errors: `file:line:column: message`, the source line, a caret.
@Suite struct PipelineErrorTests {
    static let header = "schema: 1\nsources: [raw_logs]\nstages:\n"

    @Test func suggestsTheClosestKindForATypo() {
        let text =
            Self.header + """
                  ingest:
                    kind: ingest
                    inputs: [raw_logs]
                    outputs: [events]
                  sessions:
                    kind: sesions
                    inputs: [events]
                """
        #expect(
            Fixtures.parseError(text, file: "Pipelines/daily.yaml") == """
                Pipelines/daily.yaml:9:11: unknown kind 'sesions'; did you mean 'sessions'?
                    kind: sesions
                          ^
                """)
    }

    @Test func listsKnownKindsWhenNothingIsClose() {
        let text = Self.header + "  a:\n    kind: train_everything\n"
        #expect(
            Fixtures.parseError(text) == """
                Pipelines/test.yaml:5:11: unknown kind 'train_everything'; known kinds: command, ctr, ingest, sessions, sft
                    kind: train_everything
                          ^
                """)
    }

    @Test(arguments: [
        (
            "schema: 1\nstagse:\n  a: {kind: command}\n",
            "Pipelines/test.yaml:2:1: unknown key 'stagse' at the top level; did you mean 'stages'?\nstagse:\n^"
        ),
        (
            header + "  a:\n    kind: command\n    ouputs: [x]\n",
            "Pipelines/test.yaml:6:5: unknown key 'ouputs' in stage 'a'; did you mean 'outputs'?\n    ouputs: [x]\n    ^"
        ),
        (
            header + "  a:\n    kind: command\n    cmd: make\n",
            "Pipelines/test.yaml:6:5: unknown key 'cmd' in stage 'a'; 'cmd' is a param of kind 'command'; put it under 'params:'\n    cmd: make\n    ^"
        ),
        (
            header + "  a:\n    kind: sft\n    params: {lrr: 1e-3}\n",
            "Pipelines/test.yaml:6:14: unknown param 'lrr' for kind 'sft'; did you mean 'lr'?\n    params: {lrr: 1e-3}\n             ^"
        ),
        (
            header + "  a:\n    kind: ctr\n    params: {momentum: 0.9}\n",
            "Pipelines/test.yaml:6:14: unknown param 'momentum' for kind 'ctr'; it takes: l2\n    params: {momentum: 0.9}\n             ^"
        ),
        (
            header + "  a:\n    kind: sft\n    params:\n      epochs: three\n",
            "Pipelines/test.yaml:7:15: param 'epochs' of kind 'sft' must be an int, found string \"three\"\n      epochs: three\n              ^"
        ),
        (
            header + "  a:\n    kind: sft\n    params:\n      lr: fast\n",
            "Pipelines/test.yaml:7:11: param 'lr' of kind 'sft' must be a double, found string \"fast\"\n      lr: fast\n          ^"
        ),
        (
            header + "  a:\n    kind: command\n    outputs: [x]\n",
            "Pipelines/test.yaml:4:3: stage 'a' of kind 'command' is missing required param 'cmd' (string); add it under 'params:'\n  a:\n  ^"
        ),
        (
            header + "  a:\n    inputs: [raw_logs]\n",
            "Pipelines/test.yaml:4:3: stage 'a' has no 'kind'; add 'kind:' with one of: command, ctr, ingest, sessions, sft\n  a:\n  ^"
        ),
        (
            header + "  a:\n    kind: ingest\n    per: dya\n",
            "Pipelines/test.yaml:6:10: invalid value 'dya' for 'per'; did you mean 'day'?\n    per: dya\n         ^"
        ),
        (
            header + "  a:\n    kind: ingest\n    threads: many\n",
            "Pipelines/test.yaml:6:14: invalid value 'many' for 'threads'; use 'one' or 'all'\n    threads: many\n             ^"
        ),
        (
            header + "  a:\n    kind: ingest\n    retries: -1\n",
            "Pipelines/test.yaml:6:14: 'retries' must be 0 or more, found -1\n    retries: -1\n             ^"
        ),
        (
            header + "  a:\n    kind: ingest\n    retries: [1]\n",
            "Pipelines/test.yaml:6:14: 'retries' must be an int, found a list\n    retries: [1]\n             ^"
        ),
        (
            header + "  a:\n    kind: ingest\n    timeout: 10 minutes\n",
            "Pipelines/test.yaml:6:14: invalid timeout '10 minutes'; write seconds or a duration like '90s', '10m', '2h' or '1h30m'\n    timeout: 10 minutes\n             ^"
        ),
        (
            header + "  a:\n    kind: ingest\n    outputs: {events: 1}\n",
            "Pipelines/test.yaml:6:14: 'outputs' must be a list of names, found a mapping\n    outputs: {events: 1}\n             ^"
        ),
        (
            header + "  a:\n    kind: ingest\n    outputs: [events, events]\n",
            "Pipelines/test.yaml:6:23: dataset 'events' is listed twice in the outputs of stage 'a'\n    outputs: [events, events]\n                      ^"
        ),
        (
            header + "  a:\n    kind: ingest\n    map: shard\n",
            "Pipelines/test.yaml:6:10: stage 'a' has 'map: shard' but no inputs to map over; add an input or remove 'map'\n    map: shard\n         ^"
        ),
        (
            header + "  my stage:\n    kind: ingest\n",
            "Pipelines/test.yaml:4:3: invalid stage name 'my stage'; use letters, digits, '_' and '-', starting with a letter\n  my stage:\n  ^"
        ),
        (
            "schema: 2\nstages: {}\n",
            "Pipelines/test.yaml:1:9: unsupported schema version '2'; this build reads 'schema: 1'\nschema: 2\n        ^"
        ),
        (
            "name: x\nstages: {}\n",
            "Pipelines/test.yaml:1:1: missing key 'schema'; add 'schema: 1' at the top of the file\nname: x\n^"
        ),
        (
            "schema: 1\n",
            "Pipelines/test.yaml:1:1: missing key 'stages'; add a 'stages:' mapping of stage names to definitions\nschema: 1\n^"
        ),
        (
            "",
            "Pipelines/test.yaml:1:1: the file is empty; a pipeline file starts with 'schema: 1'\n\n^"
        ),
        (
            "- schema: 1\n",
            "Pipelines/test.yaml:1:1: the top level of a pipeline file must be a mapping, found a list\n- schema: 1\n^"
        ),
        (
            header + "  a:\n    kind: ingest\n  a:\n    kind: ctr\n",
            "Pipelines/test.yaml:4:3: key 'a' appears more than once in one mapping; keep one\n  a:\n  ^"
        ),
        (
            "schema: 1\nstages:\n  a: [unclosed\n",
            "Pipelines/test.yaml:4:1: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence started at line 3, column 6)\n\n^"
        ),
    ])
    func reportsFileErrorsWithLocationAndSnippet(text: String, expected: String) {
        #expect(Fixtures.parseError(text) == expected)
    }

    @Test func caretFollowsTabsAndCountsUnicodeScalars() {
        #expect(PipelineError.caret(under: 4, in: "\té x") == "\t  ^")
    }

    @Test func errorWithoutLocationIsItsMessage() {
        let error = PipelineError(.unknownStage, "unknown stage 'x'")
        #expect(error.description == "unknown stage 'x'")
        #expect(error.code == .unknownStage)
        #expect(error.code.description == "unknown stage")
    }

    @Test(arguments: [
        (
            "sfft.lr=1e-3",
            "override 'sfft.lr=1e-3' names unknown stage 'sfft'; did you mean 'sft'? Stages: ingest, sessions, ctr, sft, report"
        ),
        ("zzz.lr=1e-3", "override 'zzz.lr=1e-3' names unknown stage 'zzz'; stages: ingest, sessions, ctr, sft, report"),
        (
            "sft.lrr=1e-3",
            "override 'sft.lrr=1e-3' names unknown param 'lrr' of stage 'sft'; did you mean 'lr'? Params of kind 'sft': epochs, layers, lr, optimizer, warm_start"
        ),
        (
            "ctr.momentum=0.9",
            "override 'ctr.momentum=0.9' names unknown param 'momentum' of stage 'ctr'; params of kind 'ctr': l2"
        ),
        (
            "sft.epochs=three",
            "override 'sft.epochs=three' sets param 'epochs' of stage 'sft' to string \"three\", but it must be an int"
        ),
    ])
    func rejectsOverridesNamingWhatExists(override: String, expected: String) {
        #expect(Fixtures.parseError(Fixtures.daily, overrides: [override]) == expected)
    }
}
