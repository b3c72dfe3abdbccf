import Catalog
import JSON

/// The stages of a non-list call, in order (see ``ToolEngine/call(_:in:arguments:progress:trace:)``);
/// ``ToolEngine/validate(_:with:)`` is shared with the list path and the preflight.
extension ToolEngine {
    /// What the interpret stage makes of a successful response.
    enum Interpreted {
        /// A body too large to keep whole, already cut to the budget and redacted: it skips shaping.
        case oversized(text: String)
        /// The vendor's JSON body, redacted.
        case body(JSONValue)
    }

    /// A write's place in its integration's queue, held until the call ends.
    struct Admission {
        let runtime: IntegrationRuntime

        /// Lets the next write to the integration go.
        func release() { runtime.limiter.writes.release() }
    }

    /// **admit**: refuses a write under `--read-only`, then queues a write behind earlier writes to
    /// the same integration (reads go at once, `nil`); `timeout` when the deadline comes first.
    func admit(
        _ tool: Tool, runtime: IntegrationRuntime, deadline: ContinuousClock.Instant
    ) async throws(EngineError) -> Admission? {
        if options.readOnly, !tool.kind.isRead {
            throw EngineError(.readOnly, "\(tool.name) changes data and Switchyard runs read-only (--read-only)")
        }
        guard !tool.kind.isRead else { return nil }
        let acquired: Bool
        do {
            acquired = try await runtime.limiter.writes.acquire(until: deadline, clock: clock)
        } catch {
            throw .cancelled
        }
        guard acquired else {
            throw EngineError(
                .timeout,
                "the call's time limit was reached while an earlier write to \(runtime.integration.name) was running")
        }
        return Admission(runtime: runtime)
    }

    /// **build**: the HTTP request for `arguments` (path segments, query, headers, body).
    func build(_ tool: Tool, arguments: JSONObject, runtime: IntegrationRuntime) throws(EngineError) -> HTTPRequest {
        try runtime.builder.build(tool.operation, arguments: arguments)
    }

    /// **send**: one logical request through the pipeline (rate budget, credentials, redirects, retries).
    func send(
        _ request: HTTPRequest, runtime: IntegrationRuntime, call: inout CallState
    ) async throws(EngineError) -> HTTPResponse {
        let pipeline = RequestPipeline(transport: transport, clock: clock, logger: options.logger)
        return try await pipeline.send(request, runtime: runtime, call: &call)
    }

    /// **interpret**: a non-2xx status is the vendor's error; a 2xx body is parsed — or, when it
    /// is kept whole and cannot fit the budget, cut without being parsed — and redacted (a vendor
    /// may echo a credential back in a successful body too: a "whoami", an echo endpoint).
    func interpret(
        _ response: HTTPResponse, tool: Tool, runtime: IntegrationRuntime
    ) throws(EngineError) -> Interpreted {
        let redactor = runtime.redactor()
        let interpreter = ResponseInterpreter(errors: tool.operation.errors, redactor: redactor)
        guard (200..<300).contains(response.status) else { throw interpreter.failure(response) }
        if tool.operation.omit.isEmpty, tool.operation.errors.failureWhen == nil,
            let cut = shaper.oversized(response.body, attempts: 0, status: response.status)
        {
            return .oversized(text: redactor.redact(cut.text))
        }
        return .body(redactor.redact(try interpreter.success(response)))
    }

    /// **shape**: removes the operation's `omit` pointers.
    func shape(_ body: JSONValue, tool: Tool) -> JSONValue {
        OutputShaper.omitting(tool.operation.omit, from: body)
    }

    /// **encode**: the result within the output budget — compact JSON text and structured content,
    /// or the text cut with a marker.
    func encode(_ body: JSONValue, attempts: Int, status: Int) -> ToolOutcome {
        shaper.single(body, attempts: attempts, status: status)
    }

    /// The output shaper for this engine's budget.
    var shaper: OutputShaper { OutputShaper(maxOutputBytes: options.maxOutputBytes) }
}
