import Catalog
import JSON
import Testing

/// Request budgets a deployment sets without editing the file: `rate_limit` figures written as
/// `${VAR:-default}` strings, and an operation's own `rate_limit` (a vendor's per-method limit).
@Suite struct DeploymentBudgetTests {
    static let history = "/resources/widgets/operations/list/rate_limit"

    @Test("an operation's own budget decodes from numbers, and other operations have none")
    func operationBudget() throws {
        let result = try Load.acme { try $0.set(Self.history, ["requests": 1, "per_seconds": 60]) }
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(
            result.catalog.tool(named: "acme_widgets_list")?.operation.rateLimit
                == RateLimitConfig(requests: 1, perSeconds: 60))
        #expect(result.catalog.tool(named: "acme_widgets_get")?.operation.rateLimit == nil)
    }

    @Test("budget figures written as variables take the environment's value, or the default when unset")
    func variables() throws {
        func load(_ environment: [String: String]) throws -> (RateLimitConfig?, RateLimitConfig?) {
            let result = try Load.acme(environment: environment) { document in
                try document.set(
                    Self.history, ["requests": "${ACME_LIST_REQUESTS:-1}", "per_seconds": "${ACME_LIST_WINDOW:-60}"])
                try document.set(
                    "/rate_limit", ["requests": "${ACME_REQUESTS:-100}", "max_concurrent": "${ACME_CONCURRENT:-4}"])
            }
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
            return (
                result.catalog.tool(named: "acme_widgets_list")?.operation.rateLimit,
                result.catalog.integrations["acme"]?.rateLimit
            )
        }
        let defaults = try load([:])
        #expect(defaults.0 == RateLimitConfig(requests: 1, perSeconds: 60))
        #expect(defaults.1 == RateLimitConfig(requests: 100, perSeconds: 1, maxConcurrent: 4))
        let set = try load([
            "ACME_LIST_REQUESTS": "50", "ACME_LIST_WINDOW": "0.5", "ACME_REQUESTS": "7", "ACME_CONCURRENT": "2",
        ])
        #expect(set.0 == RateLimitConfig(requests: 50, perSeconds: 0.5))
        #expect(set.1 == RateLimitConfig(requests: 7, perSeconds: 1, maxConcurrent: 2))
    }

    @Test(
        "a figure that does not read as its number is an error naming the field and what it read",
        arguments: [
            ("requests", "${N:-1}", ["N": "https://example.test"]), ("requests", "${N:-1}", ["N": "1.5"]),
            ("requests", "${N:-1}", ["N": "0"]), ("requests", "${N:-1}", ["N": "-3"]),
            ("requests", "${N:-1}", ["N": " 2"]), ("per_seconds", "${N:-60}", ["N": "0"]),
            ("per_seconds", "${N:-60}", ["N": "nan"]), ("per_seconds", "${N:-60}", ["N": "inf"]),
            ("requests", "${N:-1}", ["N": "1e12"]), ("requests", "ten", [:]),
        ])
    func badFigure(key: String, text: String, environment: [String: String]) throws {
        let result = try Load.acme(environment: environment) { document in
            try document.set(Self.history, ["requests": 1, "per_seconds": 60])
            try document.set(Self.history + "/" + key, .string(text))
        }
        let error = try #require(result.errors.first, "\(result.diagnostics.map(\.description))")
        #expect(result.errors.count == 1)
        #expect(error.pointer.description == Self.history + "/" + key)
        #expect(error.message.contains("'\(key)' must be"))
        if let value = environment["N"] { #expect(error.message.contains("reads '\(value)'")) }
    }

    @Test("a figure whose variable is unset and has no default leaves the integration out, naming it")
    func unsetWithoutDefault() throws {
        let result = try Load.acme { try $0.set(Self.history, ["requests": "${ACME_LIST_REQUESTS}"]) }
        #expect(result.errors.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.warnings.contains { $0.message.contains("ACME_LIST_REQUESTS") })
        #expect(result.catalog.integrations["acme"] == nil)
    }

    @Test("an operation's budget needs requests and takes no other integration-level keys")
    func operationKeys() throws {
        let missing = try Load.acme { try $0.set(Self.history, ["per_seconds": 60]) }
        #expect(missing.errors.map(\.pointer.description) == [Self.history + "/requests"])
        let foreign = try Load.acme { document in
            try document.set(Self.history, ["requests": 1, "max_concurrent": 2, "reset_header": "x-reset"])
        }
        #expect(
            Set(foreign.errors.map(\.pointer.description))
                == [Self.history + "/max_concurrent", Self.history + "/reset_header"])
    }
}
