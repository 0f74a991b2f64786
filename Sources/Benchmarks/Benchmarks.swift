// The Benchmarks module: `aigq bench …` (see spec/bench.md).
