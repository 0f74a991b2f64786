import Columnar
import Testing

/// Returns the error `body` throws, or records a failure if it does not throw a ``ColumnarError``.
func columnarError(_ body: () throws -> Void) -> ColumnarError? {
    do {
        try body()
        Issue.record("expected an error")
    } catch let error as ColumnarError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)")
    }
    return nil
}
