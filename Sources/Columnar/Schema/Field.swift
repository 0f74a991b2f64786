/// A named, typed column of a ``Schema``.
public struct Field: Hashable, Sendable {
    /// The column name (for a list's element: `element`).
    public var name: String
    /// The column's type.
    public var type: DataType
    /// Whether values may be null (Parquet OPTIONAL rather than REQUIRED).
    public var nullable: Bool

    /// Creates a field.
    ///
    /// ```swift
    /// let candidates = Field("candidates", .list(Field("element", .string)), nullable: false)
    /// ```
    public init(_ name: String, _ type: DataType, nullable: Bool = true) {
        self.name = name
        self.type = type
        self.nullable = nullable
    }
}
