public import Hummingbird

/// Counts every request by route and status and records its time in the handler
/// (``ServingMetrics``); a request no route matched counts as `unmatched`.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServingMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            metrics.recordRequest(route: route(context), status: Int(response.status.code), duration: .now - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.recordRequest(route: route(context), status: status, duration: .now - start)
            throw error
        }
    }

    private func route(_ context: Context) -> String {
        guard let path = context.endpointPath, ServingMetrics.routes.contains(path) else { return ServingMetrics.unmatchedRoute }
        return path
    }
}
