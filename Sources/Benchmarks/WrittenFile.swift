/// A file a tool wrote in the write work item, as read back by our reader.
public struct WrittenFile: Sendable {
    /// Who wrote it.
    public var tool: BenchTool
    /// At which thread count.
    public var threads: Int
    /// Its size in bytes.
    public var bytes: Int
    /// Its row count from the footer, read by ``Columnar/ParquetFileReader``; `nil` if it failed.
    public var rowsReadBack: Int?
    /// Its row-group count.
    public var rowGroups: Int?
    /// Why our reader could not open it, if it could not.
    public var error: String?
}
