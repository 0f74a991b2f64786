extension StageGraph {
    /// Draws the graph for `aigq dag`.
    ///
    /// Text (sources first, then stages in topological order; consumers in topological order):
    ///
    /// ```text
    /// raw_logs (source) → ingest
    /// ingest → sessions, ctr
    /// sessions → rerank
    /// ctr → rerank
    /// rerank → sft
    /// sft (self: model_sft day-1)
    /// ```
    ///
    /// DOT and Mermaid draw sources as cylinders and label stage-to-stage edges with their datasets; a
    /// stage reading its own output of earlier days gets a self-loop labelled `model_sft day-1`.
    /// Every form ends with a newline.
    ///
    /// - Parameters:
    ///   - format: Text, Graphviz DOT or Mermaid.
    ///   - name: The pipeline's name (the DOT graph's name).
    public func render(_ format: DagFormat, name: String) -> String {
        switch format {
        case .text: renderText()
        case .dot: renderDOT(name: name)
        case .mermaid: renderMermaid()
        }
    }

    /// The stages reading `source`, in topological order.
    private func consumers(ofSource source: String) -> [String] {
        topologicalOrder.filter { stage(named: $0)!.inputs.contains(source) }
    }

    /// What `name` reads of its own outputs, with the days relative to the task's:
    /// `model_sft day-1`, `model_sft day-7…day-1`; `nil` when nothing.
    private func selfLoopLabel(_ name: String) -> String? {
        guard let stage = stage(named: name), !stage.selfInputs.isEmpty else { return nil }
        return stage.selfInputs.map { input in
            let window = stage.window(of: input)
            let last = "day\(window.offset)"
            return input + " " + (window.days == 1 ? last : "day\(window.offset - window.days + 1)…" + last)
        }.joined(separator: ", ")
    }

    private func renderText() -> String {
        var lines: [String] = []
        for source in sources {
            let readers = consumers(ofSource: source)
            lines.append("\(source) (source)" + (readers.isEmpty ? "" : " → " + readers.joined(separator: ", ")))
        }
        for name in topologicalOrder {
            let next = downstream(of: name)
            let loop = selfLoopLabel(name).map { " (self: \($0))" } ?? ""
            lines.append(name + (next.isEmpty ? "" : " → " + next.joined(separator: ", ")) + loop)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A source's node name: its own, or `source:<name>` when a stage has the same name.
    private func sourceNode(_ source: String) -> String {
        stage(named: source) == nil ? source : "source:" + source
    }

    private func renderDOT(name: String) -> String {
        func quoted(_ text: String) -> String {
            "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        }
        var lines = ["digraph \(quoted(name)) {", "  rankdir=LR;", "  node [shape=box];"]
        for source in sources {
            let node = sourceNode(source)
            lines.append(
                "  \(quoted(node)) [shape=cylinder" + (node == source ? "" : ", label=\(quoted(source))") + "];")
        }
        for stage in topologicalOrder {
            lines.append("  \(quoted(stage));")
        }
        for source in sources {
            for reader in consumers(ofSource: source) {
                lines.append("  \(quoted(sourceNode(source))) -> \(quoted(reader));")
            }
        }
        for edge in edges {
            let label = quoted(edge.datasets.joined(separator: ", "))
            lines.append("  \(quoted(edge.from)) -> \(quoted(edge.to)) [label=\(label)];")
        }
        for stage in topologicalOrder {
            guard let loop = selfLoopLabel(stage) else { continue }
            lines.append("  \(quoted(stage)) -> \(quoted(stage)) [label=\(quoted(loop))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private func renderMermaid() -> String {
        func identifier(_ text: String) -> String {
            String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "_" })
        }
        func label(_ text: String) -> String { "\"" + text.replacing("\"", with: "#quot;") + "\"" }
        let stageIDs = Set(topologicalOrder.map(identifier))
        func sourceID(_ source: String) -> String {
            stageIDs.contains(identifier(source)) ? "source_" + identifier(source) : identifier(source)
        }
        var lines = ["flowchart LR"]
        for source in sources {
            lines.append("  \(sourceID(source))[(\(label(source)))]")
        }
        for stage in topologicalOrder {
            lines.append("  \(identifier(stage))[\(label(stage))]")
        }
        for source in sources {
            for reader in consumers(ofSource: source) {
                lines.append("  \(sourceID(source)) --> \(identifier(reader))")
            }
        }
        for edge in edges {
            let text = label(edge.datasets.joined(separator: ", "))
            lines.append("  \(identifier(edge.from)) -->|\(text)| \(identifier(edge.to))")
        }
        for stage in topologicalOrder {
            guard let loop = selfLoopLabel(stage) else { continue }
            lines.append("  \(identifier(stage)) -->|\(label(loop))| \(identifier(stage))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
