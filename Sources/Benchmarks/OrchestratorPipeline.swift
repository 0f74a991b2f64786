/// The pipeline of `aigq bench orchestrator`, written once per tool: seven stages of cheap shell
/// commands so that the orchestrator's own overhead dominates.
///
/// ```
/// raw ─ ingest (one task per shard) ─┬─ sessions ─ rerank ─ sft ─ grpo ─┬─ export
///                                    └─ think ──────────────────────────┘
/// ```
///
/// Every tool works in a folder of the same shape, `data/<dataset>/…`, runs the same programs
/// (`sha256sum`, `cat`) on the same bytes, and so writes byte-identical outputs: `ingest` writes the
/// SHA-256 line of its shard, every later stage the SHA-256 of the concatenation of its inputs' files.
/// Every command appends one line (`ingest shard-00042.txt`, `sessions`, …) to `tasks.log` in the
/// tool's folder: the count of tasks run, independent of each tool's own reporting.
enum OrchestratorPipeline {
    /// The stages after `ingest`, each with its inputs, in a topological order.
    static let downstream: [(name: String, inputs: [String])] = [
        ("sessions", ["ingest"]), ("rerank", ["sessions"]), ("sft", ["rerank"]), ("grpo", ["sft"]),
        ("think", ["ingest"]), ("export", ["grpo", "think"]),
    ]

    /// Every dataset a stage writes.
    static var outputDatasets: [String] { ["ingest"] + downstream.map(\.name) }

    /// The file every tool must end with (relative to its folder).
    static let finalOutput = "data/export/export.txt"

    /// The counter file the commands append to (relative to the tool's folder).
    static let taskLog = "tasks.log"

    /// The stem of shard `i`: `shard-00042` (files are `<stem>.txt`).
    static func shardStem(_ i: Int) -> String {
        let digits = String(i)
        return "shard-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    /// Tasks in one full build.
    static func taskCount(shards: Int) -> Int { shards + downstream.count }

    /// What a content change of shard `stem` must rerun: its ingest task and every later stage.
    static func dependents(ofShard stem: String) -> Set<String> {
        Set(["ingest \(stem).txt"] + downstream.map(\.name))
    }

    // MARK: the files of each tool

    /// The aigq pipeline file: `ingest` is `map: shard` over the source `raw`, the rest are
    /// unpartitioned (`per: none`) single tasks.
    static func aigqPipeline() -> String {
        var out = """
            # aigq bench orchestrator: written by the benchmark.
            schema: 1
            name: orchestrator-bench
            sources: [raw]
            stages:
              ingest:
                kind: command
                inputs: [raw]
                outputs: [ingest]
                map: shard
                params:
                  cmd: 'sha256sum < "$AIGQ_IN_RAW/$AIGQ_SHARD" > "$AIGQ_OUT_INGEST/$AIGQ_SHARD" && echo "ingest $AIGQ_SHARD" >> \(taskLog)'

            """
        for stage in downstream {
            let reads = stage.inputs.map { "\"$AIGQ_IN_\($0.uppercased())\"/*" }.joined(separator: " ")
            out += """
                  \(stage.name):
                    kind: command
                    inputs: [\(stage.inputs.joined(separator: ", "))]
                    outputs: [\(stage.name)]
                    params:
                      cmd: 'cat \(reads) | sha256sum > "$AIGQ_OUT_\(stage.name.uppercased())/\(stage.name).txt" && echo \(stage.name) >> \(taskLog)'

                """
        }
        return out
    }

    /// The Makefile: a pattern rule per shard, one explicit rule per later stage.
    static func makefile() -> String {
        var out = """
            # aigq bench orchestrator: written by the benchmark.
            SHARDS := $(wildcard data/raw/*.txt)
            INGEST := $(patsubst data/raw/%,data/ingest/%,$(SHARDS))

            all: \(finalOutput)
            .PHONY: all

            data/ingest/%.txt: data/raw/%.txt
            \tsha256sum < $< > $@ && echo "ingest $*.txt" >> \(taskLog)

            """
        for stage in downstream {
            let prerequisites = stage.inputs.map { $0 == "ingest" ? "$(INGEST)" : "data/\($0)/\($0).txt" }.joined(separator: " ")
            let reads = stage.inputs.map { "data/\($0)/*" }.joined(separator: " ")
            out += """
                data/\(stage.name)/\(stage.name).txt: \(prerequisites)
                \tcat \(reads) | sha256sum > $@ && echo \(stage.name) >> \(taskLog)

                """
        }
        return out
    }

    /// The Snakefile: a wildcard rule per shard, one rule per later stage.
    static func snakefile() -> String {
        var out = """
            # aigq bench orchestrator: written by the benchmark.
            wildcard_constraints:
                shard="shard-[0-9]+"

            SHARDS, = glob_wildcards("data/raw/{shard}.txt")

            rule all:
                input: "\(finalOutput)"

            rule ingest:
                input: "data/raw/{shard}.txt"
                output: "data/ingest/{shard}.txt"
                shell: 'sha256sum < {input} > {output} && echo "ingest {wildcards.shard}.txt" >> \(taskLog)'

            """
        for stage in downstream {
            let inputs = stage.inputs.map {
                $0 == "ingest" ? "expand(\"data/ingest/{shard}.txt\", shard=SHARDS)" : "\"data/\($0)/\($0).txt\""
            }.joined(separator: ", ")
            let reads = stage.inputs.map { "data/\($0)/*" }.joined(separator: " ")
            out += """

                rule \(stage.name):
                    input: \(inputs)
                    output: "data/\(stage.name)/\(stage.name).txt"
                    shell: "cat \(reads) | sha256sum > {output} && echo \(stage.name) >> \(taskLog)"

                """
        }
        return out
    }

    /// The dvc.yaml: `ingest` is a `foreach` over the shard stems; later stages depend on the
    /// `data/ingest` folder or on single files. Outputs are `cache: false` (no copy into
    /// `.dvc/cache`): the lighter setting for DVC, which still hashes and records them in dvc.lock.
    static func dvcYAML(stems: [String]) -> String {
        var out = """
            # aigq bench orchestrator: written by the benchmark.
            stages:
              ingest:
                foreach:

            """
        for stem in stems { out += "      - \(stem)\n" }
        out += """
                do:
                  cmd: 'sha256sum < data/raw/${item}.txt > data/ingest/${item}.txt && echo "ingest ${item}.txt" >> \(taskLog)'
                  deps:
                    - data/raw/${item}.txt
                  outs:
                    - data/ingest/${item}.txt:
                        cache: false

            """
        for stage in downstream {
            let reads = stage.inputs.map { "data/\($0)/*" }.joined(separator: " ")
            out += """
                  \(stage.name):
                    cmd: 'cat \(reads) | sha256sum > data/\(stage.name)/\(stage.name).txt && echo \(stage.name) >> \(taskLog)'
                    deps:

                """
            for input in stage.inputs { out += "        - data/\(input)\(input == "ingest" ? "" : "/\(input).txt")\n" }
            out += """
                    outs:
                      - data/\(stage.name)/\(stage.name).txt:
                          cache: false

                """
        }
        return out
    }
}
