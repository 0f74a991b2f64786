/// The files a generation appends to, chunk by chunk in chunk order: every day's event files, the
/// truth files and `users.jsonl`; it also numbers the injected bad lines as they land in their file.
final class OutputSinks {
    private let plan: GenerationPlan
    private let events: [[OutputFile]]
    private let oracle: [OutputFile]
    private let interests: [OutputFile]
    private let users: OutputFile
    /// Injected bad lines per day: file index, 1-based line, kind.
    private var badLines: [[(file: Int, line: Int, kind: BadLineKind)]]

    /// Creates the files of `plan` (the folders must exist).
    init(plan: GenerationPlan) throws {
        self.plan = plan
        let raw = plan.options.rawFolder
        events = try plan.days.indices.map { d in
            try plan.layouts[d].files.map { try OutputFile(path: "\(raw)/dt=\(plan.days[d])/\($0.name)") }
        }
        let truth = plan.options.truthFolder
        oracle = try truth.map { t in try plan.days.map { try OutputFile(path: "\(t)/dt=\($0)/oracle.jsonl") } } ?? []
        interests = try truth.map { t in try plan.days.map { try OutputFile(path: "\(t)/dt=\($0)/interests.jsonl") } } ?? []
        users = try OutputFile(path: raw + "/dims/users.jsonl")
        badLines = Array(repeating: [], count: plan.days.count)
    }

    /// Appends one chunk's output and counts it into `report`.
    func append(_ output: ChunkOutput, to report: inout GeneratorReport) throws {
        try users.write(output.users)
        for d in plan.days.indices {
            for (f, piece) in output.pieces[d].enumerated() {
                let file = events[d][f]
                for bad in piece.bad { badLines[d].append((f, file.lines + bad.line + 1, bad.kind)) }
                file.lines += piece.lines
                try file.write(piece.bytes)
                report.badLines += piece.bad.count
            }
            if !oracle.isEmpty {
                try oracle[d].write(output.oracle[d])
                try interests[d].write(output.interests[d])
            }
            report.eventsPerDay[d] += output.events[d]
        }
        report.events = report.eventsPerDay.reduce(0, +)
    }

    /// Closes every file (leaving out the final line end where the layout says so), writes
    /// `bad_lines.jsonl` when bad lines were asked for, and counts the bytes into `report`.
    func close(into report: inout GeneratorReport) throws {
        for (d, files) in events.enumerated() {
            for (f, file) in files.enumerated() {
                let layout = plan.layouts[d].files[f]
                if layout.unterminated && file.lines > 0 { try file.dropLast(layout.crlf ? 2 : 1) }
                try file.close()
                report.eventBytes += file.bytes
                report.files += 1
            }
        }
        try users.close()
        report.dimensionBytes += users.bytes
        guard let truth = plan.options.truthFolder else { return }
        for d in plan.days.indices {
            try oracle[d].close()
            try interests[d].close()
            report.truthBytes += oracle[d].bytes + interests[d].bytes
            guard plan.options.badLineRate > 0 else { continue }
            let names = plan.layouts[d].files.map(\.name)
            let sorted = badLines[d].sorted { names[$0.file] != names[$1.file] ? names[$0.file] < names[$1.file] : $0.line < $1.line }
            var w = JSONWriter()
            for bad in sorted {
                w.open()
                w.key("file")
                w.string(names[bad.file])
                w.key("line")
                w.int(Int64(bad.line))
                w.key("kind")
                w.string(bad.kind.rawValue)
                w.close()
                w.bytes.append(0x0A)
            }
            report.truthBytes += try OutputFile.write(w.bytes, to: "\(truth)/dt=\(plan.days[d])/bad_lines.jsonl")
        }
    }
}
