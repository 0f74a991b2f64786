// A thin wrapper over OpenBLAS `cblas_sgemm` (row-major), and its threading switch.
// OpenBLAS runs single-threaded: the kernels' own `Workers` own the threads (see Workers.swift).
import COpenBLAS
import Foundation

/// Row-major single-precision GEMM on OpenBLAS, plus what the benchmarks report about it.
public enum BLAS {
    /// Set once, before the first GEMM: OpenBLAS uses one thread; parallelism comes from `Workers`.
    private static let singleThreaded: Void = { openblas_set_num_threads(1) }()

    /// `c (m, n) = alpha · op(a) · op(b) + beta · c`, row-major; `op(x)` is `xᵀ` when its flag is set.
    ///
    /// `a` is `(m, k)` (or `(k, m)` transposed) with row stride `lda`; `b` is `(k, n)` (or `(n, k)`
    /// transposed) with row stride `ldb`; `c` has row stride `ldc`. Strides let callers address column
    /// slices (one head's `q` inside a `(T, 3C)` row) without copies.
    public static func sgemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        if m == 0 || n == 0 { return }
        _ = singleThreaded
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }

    /// The OpenBLAS kernel family chosen for this CPU (e.g. `Haswell`, `SkylakeX`).
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// The OpenBLAS build configuration string.
    public static var configuration: String {
        guard let text = openblas_get_config() else { return "unknown" }
        return String(cString: text)
    }
}

extension BLAS {
    /// The `OPENBLAS_CORETYPE` this process should have been started with, or `nil` when the detected
    /// kernels are fine or the user chose them.
    ///
    /// Debian's OpenBLAS 0.3.21 does not recognise some newer CPUs and falls back to its slowest
    /// (Prescott) kernels, about 3× slower here; on a CPU with AVX-512 the SkylakeX kernels are right.
    /// OpenBLAS reads the variable when it loads, so the caller restarts the process with it set.
    public static var betterCoreType: String? {
        let environment = ProcessInfo.processInfo.environment
        guard environment["OPENBLAS_CORETYPE"] == nil, coreName.lowercased() == "prescott" else { return nil }
        guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let flags = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        else { return nil }
        let set = Set(flags.split(separator: " "))
        return set.contains("avx512f") && set.contains("avx512bw") && set.contains("avx512vl") ? "SkylakeX" : nil
    }
}
