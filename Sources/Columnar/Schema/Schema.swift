/// The ordered columns of a table.
public struct Schema: Hashable, Sendable {
    /// The columns, in file order.
    public var fields: [Field]

    /// Creates a schema; names must be unique.
    public init(_ fields: [Field]) {
        self.fields = fields
    }

    /// The index of the column called `name`, if any.
    public func index(of name: String) -> Int? {
        fields.firstIndex { $0.name == name }
    }

    /// Throws unless names are unique and non-empty.
    public func validate() throws {
        var seen = Set<String>()
        for field in fields {
            guard !field.name.isEmpty else {
                throw ColumnarError.invalidArgument("a column has an empty name; give every column a name")
            }
            guard seen.insert(field.name).inserted else {
                throw ColumnarError.invalidArgument("column name '\(field.name)' appears twice; column names must be unique")
            }
            if case .list(let element) = field.type, element.type.isList {
                throw ColumnarError.unsupported(
                    "column '\(field.name)' is a list of lists; only one level of LIST is supported")
            }
        }
    }
}
