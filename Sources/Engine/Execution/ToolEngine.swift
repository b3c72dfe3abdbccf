import Catalog
import FoundationEssentials
import JSON
import Synchronization
import SystemIO

/// Executes tool calls: validates, builds, authenticates, sends, retries, paginates and shapes,
/// through one shared transport (DESIGN.md §5). Safe to call concurrently.
package final class ToolEngine: Sendable {
    let transport: any HTTPTransport
    let clock: any EngineClock
    /// The process-wide settings (budget, read-only, cursor key, logger).
    package let options: EngineOptions
    private let makeAuth: @Sendable (Integration) -> any AuthProvider
    private let runtimes = Mutex<[RuntimeKey: IntegrationRuntime]>([:])
    /// The budgets operations set for themselves.
    private let operationBudgets: OperationBudgets

    /// What a runtime is kept for: a reload that changes the base URL, auth or budget gets a fresh
    /// runtime; one that only edits tools keeps it.
    private struct RuntimeKey: Hashable {
        let name: String
        let account: String?
        let baseURL: String
        let auth: AuthConfig
        let rateLimit: RateLimitConfig?

        init(_ integration: Integration) {
            name = integration.name
            account = integration.account
            baseURL = integration.baseURL
            auth = integration.auth
            rateLimit = integration.rateLimit
        }
    }

    /// Creates an engine; `makeAuth` builds each integration's auth provider (static ones by default).
    package init(
        transport: any HTTPTransport, clock: any EngineClock = SystemClock(), options: EngineOptions = EngineOptions(),
        makeAuth: @escaping @Sendable (Integration) -> any AuthProvider = { StaticAuthProvider(config: $0.auth) }
    ) {
        self.transport = transport
        self.clock = clock
        self.options = options
        self.makeAuth = makeAuth
        operationBudgets = OperationBudgets(clock: clock, store: options.stateStore)
    }

    /// The runtime of an integration, created on first use and kept while its configuration is unchanged.
    package func runtime(for integration: Integration) -> IntegrationRuntime {
        let key = RuntimeKey(integration)
        if let existing = runtimes.withLock({ $0[key] }) { return existing }
        let created = IntegrationRuntime(
            integration: integration, auth: makeAuth(integration),
            limiter: RateLimiter(config: integration.rateLimit, clock: clock, shared: sharedBudget(for: integration)),
            userAgent: options.userAgent)
        return runtimes.withLock { table in
            if let raced = table[key] { return raced }
            table[key] = created
            return created
        }
    }

    /// The budget of the integration's account shared through the state store, if it shares budgets.
    private func sharedBudget(for integration: Integration) -> (any SharedBudget)? {
        guard let store = options.stateStore, let limit = integration.rateLimit, let requests = limit.requests else {
            return nil
        }
        return store.sharedBudget(
            integration: integration.name, account: integration.account, requests: requests,
            perSeconds: limit.perSeconds)
    }

    /// Runs one call of `tool` with `arguments`; never throws: every failure is an error outcome.
    ///
    /// A call goes through named stages, each throwing an ``EngineError`` that ends it:
    /// **admit** (read-only, write ordering) → **validate** (input schema) → **build** (the HTTP
    /// request) → **send** (``RequestPipeline``: rate budget, credentials, redirects, retries) →
    /// **interpret** (status and body, redacted) → **shape** (`omit`) → **encode** (the budget,
    /// the ``ToolResult``). A `list` call runs admit, then ``list(_:runtime:arguments:call:progress:)``,
    /// which walks pages through the same send and interpret stages.
    package func call(
        _ tool: Tool, in integration: Integration, arguments: JSONObject,
        progress: (@Sendable (Double, Double?) async -> Void)? = nil, trace: TraceContext? = nil
    ) async -> ToolOutcome {
        let runtime = runtime(for: integration)
        let deadline = clock.now() + .milliseconds(tool.operation.timeoutMs)
        let key = tool.operation.idempotencyHeader != nil ? UUID().uuidString.lowercased() : nil
        var call = CallState(tool: tool, deadline: deadline, idempotencyKey: key, trace: trace)
        call.operationBudget = operationBudgets.limiter(for: tool, in: integration)
        defer { if call.receivedBytes >= MemoryRelease.largeResponseBytes { MemoryRelease.afterLargeResponse() } }
        do throws(EngineError) {
            let admission = try await admit(tool, runtime: runtime, deadline: deadline)
            defer { admission?.release() }
            if tool.kind == .list {
                return try await list(tool, runtime: runtime, arguments: arguments, call: &call, progress: progress)
            }
            try validate(arguments, with: tool.validator)
            let request = try build(tool, arguments: arguments, runtime: runtime)
            let response = try await send(request, runtime: runtime, call: &call)
            switch try interpret(response, tool: tool, runtime: runtime) {
            case .oversized(let text):
                return .success(text: text, structured: nil, attempts: call.attempts, status: response.status)
            case .body(let body):
                return encode(shape(body, tool: tool), attempts: call.attempts, status: response.status)
            }
        } catch {
            // Redact with what the auth knows now: a refresh during the call may have learned new tokens.
            let redactor = runtime.redactor()
            var failure = error
            failure.message = redactor.redact(failure.message)
            failure.vendor = failure.vendor.map(redactor.redact)
            options.logger.debug(
                "\(tool.name): \(failure.type.rawValue) after \(call.attempts) request(s): \(failure.message)")
            return .failure(failure, attempts: call.attempts)
        }
    }

    /// The refusal a call of `tool` with `arguments` would meet before any request — `--read-only`
    /// or arguments that fail the input schema — or `nil` when it may go ahead. Lets a caller
    /// check a call before asking a person to confirm it.
    package func preflight(_ tool: Tool, in integration: Integration, arguments: JSONObject) -> EngineError? {
        if options.readOnly, !tool.kind.isRead {
            return EngineError(.readOnly, "\(tool.name) changes data and Switchyard runs read-only (--read-only)")
        }
        do {
            if tool.kind == .list {
                let cursor = arguments["next_cursor"] != nil
                try validate(arguments, with: cursor ? (tool.cursorValidator ?? tool.validator) : tool.validator)
            } else {
                try validate(arguments, with: tool.validator)
                // Building checks what the schema cannot (path segments, header values, sizes).
                _ = try runtime(for: integration).builder.build(tool.operation, arguments: arguments)
            }
        } catch {
            return error
        }
        return nil
    }

    func validate(_ arguments: JSONObject, with schema: JSONSchema) throws(EngineError) {
        let violations = schema.validate(.object(arguments))
        guard !violations.isEmpty else { return }
        let details = violations.map { violation in
            let field = violation.pointer.tokens.isEmpty ? "arguments" : violation.pointer.tokens.joined(separator: ".")
            return "\(field): \(violation.message)"
        }
        throw EngineError(.invalidArguments, details.joined(separator: "; "), retryable: false)
    }
}
