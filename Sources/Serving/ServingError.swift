/// An error of the lookup server: a bad request (which parameter, and what to send instead), or a
/// server that cannot start (no table to serve, a workspace that is not one).
///
/// The ``message`` is one sentence for people: what went wrong, quoting the offending value, and
/// what to do about it. Its format may change and must not be parsed; match on ``code`` and
/// ``parameter`` instead. A bad request is answered with status 400 and the JSON body
/// `{"error": message, "parameter": parameter}` (``ServingError+Response``).
///
/// ```swift
/// do {
///     _ = try HintsQuery(queryString: "user=42&n=0")
/// } catch let error as ServingError where error.code == .badParameter {
///     print(error.parameter ?? "-", error.message)  // n  n is 0; ask for 1…100 hints
/// }
/// ```
public struct ServingError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is.
    public enum Code: String, Hashable, Sendable {
        /// A request parameter is missing, malformed or out of range (HTTP 400).
        case badParameter = "bad parameter"
        /// The tables cannot be served: nothing published, a broken version, a missing workspace.
        case notServable = "not servable"
        /// The caller passed a value the server does not accept (a port, an interval).
        case invalidArgument = "invalid argument"
    }

    /// The kind of failure.
    public var code: Code
    /// What happened and what to do.
    public var message: String
    /// The request parameter at fault (``Code/badParameter``).
    public var parameter: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, parameter: String? = nil) {
        self.code = code
        self.message = message
        self.parameter = parameter
    }

    /// A bad-request error naming `parameter`.
    static func badParameter(_ parameter: String, _ message: String) -> ServingError {
        ServingError(.badParameter, message, parameter: parameter)
    }

    public var description: String { message }
}
