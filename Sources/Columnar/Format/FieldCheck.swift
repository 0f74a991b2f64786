/// Checks shared by the metadata decoders: required fields present, counts and sizes not negative.
enum FieldCheck {
    /// Returns `value`, or throws naming the missing required field.
    static func required<T>(_ value: T?, _ owner: StaticString, _ name: StaticString, id: Int16) throws -> T {
        guard let value else {
            throw ColumnarError.corrupt("\(owner) is missing required field '\(name)' (id \(id))")
        }
        return value
    }

    /// Throws unless `value` (a count, size or offset) is zero or positive.
    static func nonNegative<T: BinaryInteger>(_ value: T?, _ owner: StaticString, _ name: StaticString) throws {
        if let value, value < 0 {
            throw ColumnarError.corrupt("\(owner).\(name) is negative (\(value))")
        }
    }

    /// Stores the member of a union, throwing if one was already set.
    static func setOnce<T>(_ slot: inout T?, _ value: T, _ owner: StaticString, _ field: FieldHeader) throws {
        guard slot == nil else {
            throw ColumnarError.corrupt("\(owner) union has more than one member set (second is id \(field.id))")
        }
        slot = value
    }

    /// Returns the member of a union, throwing if none was set.
    static func present<T>(_ value: T?, _ owner: StaticString) throws -> T {
        guard let value else { throw ColumnarError.corrupt("\(owner) union has no member set") }
        return value
    }
}
