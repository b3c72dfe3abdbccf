import Engine

/// GETs from the bench process itself through Engine's ``CurlTransport`` (connections reused):
/// the floors of the call and walk scenarios, measured against the same loopback vendor.
struct DirectFetcher: Sendable {
    /// The shared transport.
    let transport: CurlTransport
    /// The vendor's base URL.
    let baseURL: String

    /// The headers Switchyard sends to the bench vendor, so the floor's request is the same size.
    private static let headers: HTTPHeaders = [
        "Accept": "application/json", "User-Agent": "switchyard-bench", "Authorization": "Bearer bench-token",
    ]

    /// One GET of `path`; throws unless the vendor answers 200.
    func get(_ path: String) async throws -> HTTPResponse {
        let response = try await transport.send(HTTPRequest(method: "GET", url: baseURL + path, headers: Self.headers))
        guard response.status == 200 else { throw BenchError("GET \(path) answered \(response.status)") }
        return response
    }

    /// Times `count` GETs of `path` one after another; milliseconds each.
    func timeGETs(_ path: String, count: Int) async throws -> [Double] {
        let clock = ContinuousClock()
        var times: [Double] = []
        times.reserveCapacity(count)
        for _ in 0..<count {
            let start = clock.now
            _ = try await get(path)
            times.append((clock.now - start).milliseconds)
        }
        return times
    }

    /// Times fetching `paths` one after another (a walk done by hand); milliseconds in all.
    func timeWalk(_ paths: [String]) async throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        for path in paths { _ = try await get(path) }
        return (clock.now - start).milliseconds
    }
}
