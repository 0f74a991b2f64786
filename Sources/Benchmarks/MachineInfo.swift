import Foundation

/// The facts about the machine printed with every benchmark.
public struct MachineInfo: Sendable {
    /// The CPU model from `/proc/cpuinfo`.
    public var cpu: String
    /// Online cores.
    public var cores: Int
    /// Total memory in GiB from `/proc/meminfo`.
    public var memGiB: Double

    /// Reads this machine's facts.
    public static func current() -> MachineInfo {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let kib = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }
            .flatMap { $0.split(separator: " ").dropFirst().first }
            .flatMap { Double($0) } ?? 0
        return MachineInfo(
            cpu: model, cores: ProcessInfo.processInfo.activeProcessorCount,
            memGiB: (kib / 1_048_576 * 10).rounded() / 10)
    }
}
