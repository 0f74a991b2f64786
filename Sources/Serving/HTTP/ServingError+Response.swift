public import Hummingbird

/// A ``ServingError`` thrown by a handler becomes its JSON response:
/// `{"error":"n is '0'; ask for 1…100 hints (default 10)","parameter":"n"}` (status 400 for a bad
/// parameter, 503 when there is nothing to serve).
extension ServingError: HTTPResponseError {
    /// The HTTP status of the error.
    public var status: HTTPResponse.Status {
        switch code {
        case .badParameter: .badRequest
        case .notServable: .serviceUnavailable
        case .invalidArgument: .internalServerError
        }
    }

    /// The JSON body of the error.
    public var json: String {
        #"{"error":\#(JSONText.quoted(message)),"parameter":\#(parameter.map(JSONText.quoted) ?? "null")}"#
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        RenderedResponse.json(status: status, json: ByteBuffer(string: json))
    }
}
