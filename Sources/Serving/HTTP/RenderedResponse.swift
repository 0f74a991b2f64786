public import Hummingbird

/// Responses with a body already rendered.
enum RenderedResponse {
    /// A response of `status` carrying the JSON `json`.
    static func json(status: HTTPResponse.Status = .ok, json: ByteBuffer) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: json))
    }

    /// A response of `status` carrying `text`, with content type `contentType`.
    static func text(_ text: ByteBuffer, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: text))
    }
}
