import Catalog
import JSON
import Testing

/// Base URLs, environment variables, auth, pagination and annotation blocks of integration files.
@Suite struct IntegrationPolicyTests {
    @Test(
        "https and loopback http base URLs are accepted",
        arguments: [
            "https://api.acme.test", "https://api.acme.test/v2/", "http://127.0.0.1:8080", "http://localhost:9/api",
            "http://[::1]:8080", "HTTP://LOCALHOST",
        ])
    func acceptedBaseURL(url: String) throws {
        let result = try Load.acme { try $0.set("/base_url", .string(url)) }
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
    }

    @Test(
        "plain http to other hosts, and URLs that are not absolute, are refused",
        arguments: [
            "http://api.acme.test", "http://127.0.0.1.nip.io", "http://localhost.acme.test:80",
            "http://127.0.0.1:80@evil.test", "http://localhost@evil.test/", "http://[::1]@evil.test",
            "ftp://api.acme.test", "api.acme.test",
        ])
    func refusedBaseURL(url: String) throws {
        let result = try Load.acme { try $0.set("/base_url", .string(url)) }
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.pointer.description == "/base_url")
        #expect(result.catalog.integrations.isEmpty)
    }

    @Test("a trailing slash of the base URL is dropped")
    func trailingSlash() throws {
        let result = try Load.acme { try $0.set("/base_url", "https://api.acme.test/v2//") }
        #expect(result.catalog.integrations["acme"]?.baseURL == "https://api.acme.test/v2")
    }

    @Test("an integration with unset variables is left out with one warning naming them all")
    func unsetVariables() throws {
        let result = try Load.acme { document in
            try document.set("/base_url", "https://${ACME_HOST}/v1")
            try document.set("/headers", ["X-Tenant": "${ACME_TENANT}", "X-Region": "${ACME_REGION:-eu}"])
            try document.set("/auth", ["type": "bearer", "token": "${ACME_TOKEN}"])
        }
        #expect(result.errors.isEmpty, "\(result.diagnostics.map(\.description))")
        let warning = try #require(result.warnings.first)
        #expect(result.warnings.count == 1)
        #expect(warning.pointer == .root)
        #expect(warning.message.contains("'acme' left out"))
        #expect(warning.message.contains("ACME_HOST, ACME_TENANT, ACME_TOKEN"), "\(warning.message)")
        #expect(!warning.message.contains("ACME_REGION"))
        #expect(result.catalog.integrations.isEmpty)
        #expect(result.catalog.tools.isEmpty)
    }

    @Test("variables are read in base_url, headers, query constants and auth")
    func interpolation() throws {
        let environment = [
            "ACME_HOST": "api.acme.test", "ACME_TENANT": "t-1", "ACME_KEY": "k-2", "ACME_TOKEN": "s3cret",
        ]
        let result = try Load.acme(environment: environment) { document in
            try document.set("/base_url", "https://${ACME_HOST}")
            try document.set("/headers", ["X-Tenant": "${ACME_TENANT}"])
            try document.set("/resources/widgets/operations/list/query", ["key": "${ACME_KEY}", "v": 2])
            try document.set("/auth", ["type": "bearer", "token": "${ACME_TOKEN}"])
        }
        #expect(result.diagnostics.isEmpty)
        let acme = try #require(result.catalog.integrations["acme"])
        #expect(acme.baseURL == "https://api.acme.test")
        #expect(acme.headers.map(\.value) == ["t-1"])
        #expect(acme.auth == .bearer(token: "s3cret"))
        #expect(acme.secretValues == ["s3cret"])
        let list = try #require(result.catalog.tool(named: "acme_widgets_list"))
        #expect(list.operation.query.map(\.value) == ["k-2", "2"])
    }

    @Test("${X:-default} uses the default when X is unset or empty, and X otherwise")
    func defaults() throws {
        let edit: (inout JSONValue) throws -> Void = {
            try $0.set("/base_url", "${ACME_URL:-https://api.acme.test/v2}")
        }
        let unset = try Load.acme(edit)
        #expect(unset.diagnostics.isEmpty)
        #expect(unset.catalog.integrations["acme"]?.baseURL == "https://api.acme.test/v2")
        let empty = try Load.acme(environment: ["ACME_URL": ""], edit)
        #expect(empty.catalog.integrations["acme"]?.baseURL == "https://api.acme.test/v2")
        let set = try Load.acme(environment: ["ACME_URL": "http://127.0.0.1:4010"], edit)
        #expect(set.catalog.integrations["acme"]?.baseURL == "http://127.0.0.1:4010")
    }

    @Test("a variable's value is checked like a literal base URL")
    func interpolatedBaseURLChecked() throws {
        let result = try Load.acme(environment: ["ACME_URL": "http://acme.test"]) {
            try $0.set("/base_url", "${ACME_URL}")
        }
        #expect(result.errors.map(\.pointer.description) == ["/base_url"])
    }

    @Test("with optional credentials, unset auth variables become a placeholder and the integration stays")
    func credentialsOptional() throws {
        let edit: (inout JSONValue) throws -> Void = { document in
            try document.set("/auth", ["type": "basic", "username": "${ACME_USER}", "password": "${ACME_PASSWORD}"])
        }
        let replay = try Load.acme(credentialsOptional: true, edit)
        #expect(replay.diagnostics.isEmpty, "\(replay.diagnostics.map(\.description))")
        let acme = try #require(replay.catalog.integrations["acme"])
        #expect(acme.auth == .basic(username: "[REDACTED]", password: "[REDACTED]"))
        #expect(replay.catalog.tools.count == 2)

        let live = try Load.acme(edit)
        #expect(live.warnings.count == 1)
        #expect(live.catalog.integrations.isEmpty)
    }

    @Test("optional credentials do not excuse an unset base URL variable")
    func credentialsOptionalBaseURL() throws {
        let result = try Load.acme(credentialsOptional: true) { try $0.set("/base_url", "${ACME_URL}") }
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.message.contains("ACME_URL") == true)
        #expect(result.catalog.integrations.isEmpty)
    }

    @Test("each auth type decodes; an unknown type or key is refused")
    func authTypes() throws {
        let cases: [(JSONValue, AuthConfig)] = [
            (["type": "none"], .none),
            (["type": "bearer", "token": "t"], .bearer(token: "t")),
            (
                ["type": "api_key", "in": "query", "name": "key", "value": "v"],
                .apiKey(location: .query, name: "key", value: "v")
            ),
            (["type": "basic", "username": "u"], .basic(username: "u", password: "")),
        ]
        for (block, expected) in cases {
            let result = try Load.acme { try $0.set("/auth", block) }
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
            #expect(result.catalog.integrations["acme"]?.auth == expected)
        }
        let oauth = try Load.acme { document in
            try document.set(
                "/auth",
                [
                    "type": "oauth2", "grant": "refresh_token", "token_url": "https://auth.acme.test/token",
                    "client_id": "id", "client_secret": "secret", "refresh_token": "r1", "client_auth": "body",
                ])
        }
        #expect(oauth.diagnostics.isEmpty)
        guard case .oauth2(let config)? = oauth.catalog.integrations["acme"]?.auth else {
            Issue.record("expected oauth2")
            return
        }
        #expect(config.grant == .refreshToken)
        #expect(config.clientAuth == .body)
        #expect(oauth.catalog.integrations["acme"]?.secretValues == ["r1", "secret"])

        let unknown = try Load.acme { try $0.set("/auth", ["type": "digest"]) }
        #expect(unknown.errors.map(\.pointer.description) == ["/auth/type"])
        let extra = try Load.acme { try $0.set("/auth", ["type": "bearer", "token": "t", "tokne": "x"]) }
        #expect(extra.errors.map(\.pointer.description) == ["/auth/tokne"])
        let missingRefresh = try Load.acme { document in
            try document.set(
                "/auth",
                ["type": "oauth2", "grant": "refresh_token", "token_url": "https://a.test/t", "client_id": "id"])
        }
        #expect(missingRefresh.errors.map(\.pointer.description) == ["/auth/refresh_token"])
    }

    @Test("an oauth2 token URL must be https or loopback")
    func tokenURL() throws {
        for (url, accepted) in [
            ("https://auth.acme.test/token", true), ("http://127.0.0.1:9000/token", true),
            ("http://auth.acme.test/token", false), ("http://127.0.0.1:80@evil.test/token", false),
        ] {
            let result = try Load.acme { document in
                try document.set(
                    "/auth",
                    ["type": "oauth2", "grant": "client_credentials", "token_url": .string(url), "client_id": "id"])
            }
            #expect(result.errors.isEmpty == accepted, "\(url): \(result.diagnostics.map(\.description))")
        }
    }

    @Test("integration-level pagination is checked once, even with several list operations or none")
    func integrationPaginationReportedOnce() throws {
        let twoLists = try Load.acme { document in
            try document.set("/pagination", ["style": "cursor", "records": "/data"])
            try document.set(
                "/resources/widgets/operations/recent", Fixture.operation("GET /widgets/recent", kind: "list"))
        }
        #expect(
            twoLists.errors.map(\.pointer.description) == ["/pagination/cursor"],
            "\(twoLists.diagnostics.map(\.description))")

        let noList = try Load.acme { document in
            try document.remove("/resources/widgets/operations/list")
            try document.set("/pagination", ["style": "sideways"])
        }
        #expect(noList.errors.map(\.pointer.description) == ["/pagination/style"])
    }

    @Test("an operation's pagination replaces the integration's; list operations inherit it otherwise")
    func paginationInheritance() throws {
        let result = try Load.acme { document in
            try document.set("/pagination", ["style": "link_header", "page_size": ["param": "per_page", "max": 100]])
            try document.set(
                "/resources/widgets/operations/search",
                [
                    "kind": "list", "request": "GET /search/widgets",
                    "description": "Search widgets by text. Use acme_widgets_list to list them all.",
                    "pagination": [
                        "style": "offset", "records": "/items", "total": "/total", "offset": ["param": "start"],
                        "max_limit": 200, "default_limit": 10,
                    ],
                ])
        }
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let list = try #require(result.catalog.tool(named: "acme_widgets_list")?.operation.pagination)
        #expect(list.style == .linkHeader)
        #expect(list.pageSize == PaginationConfig.PageSize(param: "per_page", max: 100))
        let search = try #require(result.catalog.tool(named: "acme_widgets_search")?.operation.pagination)
        #expect(search.style == .offset)
        #expect(search.records == JSONPointer(tokens: ["items"]))
        #expect(search.total == JSONPointer(tokens: ["total"]))
        #expect(search.offsetParam == "start")
        #expect(search.pageSize == nil)
        #expect((search.maxLimit, search.defaultLimit) == (200, 10))
        #expect(result.catalog.tool(named: "acme_widgets_get")?.operation.pagination == nil)
    }

    @Test("pagination keys of another style are refused")
    func paginationKeysPerStyle() throws {
        let result = try Load.acme { document in
            try document.set("/pagination", ["style": "link_header", "next": "/next"])
        }
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.pointer.description == "/pagination/next")
    }

    @Test("annotation overrides are checked: known hints only, booleans only")
    func annotationOverrides() throws {
        let typo = try Load.acme { try $0.set("/resources/widgets/operations/get/annotations", ["readonlyHint": true]) }
        let error = try #require(typo.errors.first)
        #expect(typo.errors.count == 1)
        #expect(error.pointer.description == "/resources/widgets/operations/get/annotations/readonlyHint")
        #expect(error.message.contains("did you mean 'readOnlyHint'?"), "\(error.message)")

        let wrongType = try Load.acme {
            try $0.set("/resources/widgets/operations/get/annotations", ["openWorldHint": "no"])
        }
        #expect(
            wrongType.errors.map(\.pointer.description) == [
                "/resources/widgets/operations/get/annotations/openWorldHint"
            ])

        let fine = try Load.acme { document in
            try document.set(
                "/resources/widgets/operations/get/annotations",
                ["openWorldHint": false, "title": "Widget", "x-note": "kept out of the tool"])
        }
        #expect(fine.diagnostics.isEmpty, "\(fine.diagnostics.map(\.description))")
        let annotations = fine.catalog.tool(named: "acme_widgets_get")?.annotations
        #expect(annotations?["openWorldHint"] == false)
        #expect(annotations?["title"] == "Widget")
        #expect(annotations?["x-note"] == nil)
    }

    @Test("retry, rate_limit, errors and idempotency blocks decode, operations overriding the defaults")
    func policies() throws {
        let result = try Load.acme { document in
            try document.set("/retry", ["max_attempts": 5, "on_status": [429, 503], "max_wait_ms": 1000])
            try document.set(
                "/rate_limit",
                [
                    "requests": 10, "per_seconds": 1.5, "max_concurrent": 2, "remaining_header": "x-left",
                    "reset_header": "x-reset", "reset_format": "delta_seconds",
                ])
            try document.set(
                "/errors",
                [
                    "message": ["/error/text"], "failure_when": ["pointer": "/ok", "equals": false],
                    "type_from": ["pointer": "/error/code", "map": ["missing": "not_found"]],
                ])
            try document.set("/idempotency", ["header": "Idempotency-Key"])
            try document.set("/resources/widgets/operations/get/retry", ["max_attempts": 1])
            try document.set("/resources/widgets/operations/get/timeout_ms", 5000)
        }
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let acme = try #require(result.catalog.integrations["acme"])
        #expect(
            acme.rateLimit
                == RateLimitConfig(
                    requests: 10, perSeconds: 1.5, maxConcurrent: 2, remainingHeader: "x-left", resetHeader: "x-reset",
                    resetFormat: .deltaSeconds))
        let list = try #require(result.catalog.tool(named: "acme_widgets_list")?.operation)
        #expect(list.retry.maxAttempts == 5)
        #expect(list.retry.onStatus == [429, 503])
        #expect(list.retry.maxWaitMs == 1000)
        #expect(list.retry.initialBackoffMs == RetryConfig.standard.initialBackoffMs)
        #expect(list.timeoutMs == 30000)
        #expect(list.idempotencyHeader == "Idempotency-Key")
        #expect(list.errors.messagePointers == [JSONPointer(tokens: ["error", "text"])])
        #expect(list.errors.failureWhen?.matches(["ok": false]) == true)
        #expect(list.errors.typeFrom?.map == ["missing": "not_found"])
        let get = try #require(result.catalog.tool(named: "acme_widgets_get")?.operation)
        #expect(get.retry.maxAttempts == 1)
        #expect(get.retry.onStatus == [429, 503], "unspecified fields keep the integration's value")
        #expect(get.timeoutMs == 5000)
    }

    @Test("bad policy values are each reported")
    func badPolicies() throws {
        let result = try Load.acme { document in
            try document.set("/retry", ["max_attempts": 0, "on_status": [429, 700]])
            try document.set("/rate_limit", ["reset_format": "iso8601"])
            try document.set("/errors", ["type_from": ["pointer": "/code", "map": ["x": "exploded"]]])
            try document.set("/errors/failure_when", ["pointer": "/ok"])
        }
        let pointers = Set(result.errors.map(\.pointer.description))
        #expect(
            pointers == [
                "/retry/max_attempts", "/retry/on_status", "/rate_limit/reset_format", "/errors/type_from/map/x",
                "/errors/failure_when",
            ], "\(result.diagnostics.map(\.description))")
    }
}
