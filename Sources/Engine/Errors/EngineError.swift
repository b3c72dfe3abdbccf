import JSON

/// A failed tool call, typed, with the wire form the model reads (`{"error": {...}}`).
package struct EngineError: Error, Sendable, Equatable {
    /// The normalised type.
    package var type: ErrorType
    /// A short human message (the vendor's own when it sent one).
    package var message: String
    /// The vendor's HTTP status, when there was a response.
    package var status: Int?
    /// Whether retrying the same call later may succeed; defaults from the type.
    package var retryable: Bool
    /// Seconds to wait before retrying, when known.
    package var retryAfterSeconds: Double?
    /// The vendor's body (trimmed), whenever the vendor sent one.
    package var vendor: JSONValue?

    /// Creates an error; `retryable` defaults to what the type implies.
    package init(
        _ type: ErrorType, _ message: String, status: Int? = nil, retryable: Bool? = nil,
        retryAfterSeconds: Double? = nil,
        vendor: JSONValue? = nil
    ) {
        self.type = type
        self.message = message
        self.status = status
        self.retryable = retryable ?? type.isRetryable
        self.retryAfterSeconds = retryAfterSeconds
        self.vendor = vendor
    }

    /// The error a call ends with when its task was cancelled — the one place it is made; the
    /// session sends nothing for it.
    package static let cancelled = EngineError(.cancelled, "the call was cancelled", retryable: true)

    /// The structured form: `{"error": {"type", "message", "status"?, "retryable", "retry_after_seconds"?, "vendor"?}}`.
    package var structured: JSONValue {
        var error: JSONObject = ["type": .string(type.rawValue), "message": .string(message)]
        if let status { error["status"] = .int(Int64(status)) }
        error["retryable"] = .bool(retryable)
        if let retryAfterSeconds { error["retry_after_seconds"] = Self.retryAfterValue(retryAfterSeconds) }
        if let vendor { error["vendor"] = vendor }
        return ["error": .object(error)]
    }

    /// A wait as `retry_after_seconds` is written wherever it appears: rounded up to the
    /// millisecond, and a whole number of seconds as an integer.
    package static func retryAfterValue(_ seconds: Double) -> JSONValue {
        let rounded = (seconds * 1000).rounded(.up) / 1000
        return rounded == rounded.rounded() ? .int(Int64(rounded)) : .double(rounded)
    }

    /// The one-paragraph text shown to the model: type, status and message, plus what to do.
    package var text: String {
        var parts = "\(type.rawValue)"
        if let status { parts += " (HTTP \(status))" }
        parts += ": \(message)"
        if let retryAfterSeconds, type == .rateLimited {
            parts += " Retry after \(Int(retryAfterSeconds.rounded(.up))) s."
        }
        return parts
    }
}
