/// A position in a pipeline file: the file name as given to the parser, and a 1-based line and column.
///
/// Columns count Unicode scalars, as libYAML does. Rendered as `Pipelines/daily.yaml:14:7`.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file name as the caller named it (for example `Pipelines/daily.yaml`).
    public var file: String
    /// The line, starting at 1.
    public var line: Int
    /// The column, starting at 1, counted in Unicode scalars.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}
