// Generation promises the same output for a sequence whatever batch it is in. That needs a row's
// matmul result (Matmul.forwardRowInvariant) to be bitwise independent of how many rows are multiplied
// with it, where it sits, and how many workers share them.
import Kernels
import Testing

@Suite("Matmul row invariance")
struct MatmulRowInvarianceTests {
    @Test(arguments: [(16, 23), (16, 48), (64, 64), (32, 96), (128, 384), (128, 512), (512, 128), (128, 8192)])
    func rowResultDoesNotDependOnBatch(C: Int, OC: Int) {
        var generator = SplitMix64(seed: 21)
        let rows = 70
        let inp = generator.floats(rows * C), weight = generator.floats(OC * C), bias = generator.floats(OC)
        Workers.count = 1
        var reference = [Float](repeating: 0, count: rows * OC)
        Matmul.forwardRowInvariant(out: &reference, inp: inp, weight: weight, bias: bias, N: rows, C: C, OC: OC)
        var mismatches: [String] = []
        for workers in [1, 2, 3] {
            Workers.count = workers
            for n in [1, 2, 3, 5, 6, 7, 8, 16, 17, 33, 64] {
                for probe in [0, n / 2, n - 1] {
                    var out = [Float](repeating: 0, count: OC)
                    // the probe row alone at offset `probe` of an n-row batch: run the batch, take the row
                    var batch = [Float](repeating: 0, count: n * OC)
                    let start = 3
                    Matmul.forwardRowInvariant(out: &batch, inp: Array(inp[(start * C)..<((start + n) * C)]), weight: weight, bias: bias, N: n, C: C, OC: OC)
                    out = Array(batch[(probe * OC)..<((probe + 1) * OC)])
                    if out != Array(reference[((start + probe) * OC)..<((start + probe + 1) * OC)]) {
                        mismatches.append("n\(n)w\(workers)p\(probe)")
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(30))")
    }
}
