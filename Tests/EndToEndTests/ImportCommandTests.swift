import Foundation
import JSON
import TestSupport
import Testing

/// `switchyard import openapi` driven as a user would: real OpenAPI documents (Twilio's Knowledge
/// API, the USPTO Data Set API and the OpenAPI Initiative's Petstore; see
/// `Tests/Fixtures/openapi/README.md`) against golden drafts, the drafts through `validate`,
/// hostile input, and imported list tools walking an emulated vendor's pages.
///
/// Run with `SWITCHYARD_UPDATE_GOLDEN=1` to rewrite the golden drafts after an intended change,
/// then review the diff.
@Suite struct ImportCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/openapi").path

    private func run(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws
        -> (status: Int32?, out: [String], err: [String])
    {
        let process = try SwitchyardProcess(arguments, environment: environment, directory: directory)
        process.closeInput()
        let status = process.waitForExit()
        let errors = process.standardError.split(separator: "\n").map(String.init)
        return (status, process.allLines, errors)
    }

    @Test(
        "each real document imports to its golden draft and golden warnings",
        arguments: ["petstore", "twilio", "uspto"])
    func golden(vendor: String) throws {
        let directory = Self.fixtures + "/" + vendor
        let result = try run(["import", "openapi", "openapi.json", "--name", vendor], directory: directory)
        #expect(result.status == 0, "\(result.err)")
        let draft = result.out.joined(separator: "\n") + "\n"
        let warnings = result.err.filter { !$0.hasPrefix("switchyard: ") }.joined(separator: "\n") + "\n"
        #expect(result.err.last?.hasPrefix("switchyard: ") == true)
        let files = [(directory + "/draft.json", draft), (directory + "/warnings.txt", warnings)]
        if ProcessInfo.processInfo.environment["SWITCHYARD_UPDATE_GOLDEN"] == "1" {
            for (path, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
            return
        }
        for (path, text) in files {
            let golden = try #require(
                try? String(contentsOfFile: path, encoding: .utf8),
                "missing \(path): run the tests with SWITCHYARD_UPDATE_GOLDEN=1 to create it")
            let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard
                let first = zip(goldenLines, lines).enumerated().first(where: { $0.element.0 != $0.element.1 })
                    ?? (goldenLines.count == lines.count ? nil : (min(goldenLines.count, lines.count), ("", "")))
            else { continue }
            Issue.record(
                """
                \(path) differs at line \(first.offset + 1):
                  golden: \(first.offset < goldenLines.count ? String(goldenLines[first.offset]) : "<end>")
                  now:    \(first.offset < lines.count ? String(lines[first.offset]) : "<end>")
                If the change is intended, run with SWITCHYARD_UPDATE_GOLDEN=1 and review the diff.
                """)
        }
    }

    @Test("every golden draft passes switchyard validate with no errors", arguments: ["petstore", "twilio", "uspto"])
    func goldenValidates(vendor: String) throws {
        let result = try run(["validate", Self.fixtures + "/\(vendor)/draft.json"])
        #expect(result.status == 0, "\(result.out)")
        #expect(!result.out.contains { $0.contains(": error: ") }, "\(result.out)")
        #expect(result.err.contains { $0.contains("0 errors") })
    }

    @Test("import --help and import openapi --help print the usage with two examples and exit 0")
    func help() throws {
        for arguments in [
            ["import", "--help"], ["import", "openapi", "--help"], ["import", "openapi", "x.json", "-h"],
        ] {
            let result = try run(arguments)
            #expect(result.status == 0, "\(arguments)")
            #expect(result.out.first?.hasPrefix("usage: switchyard import openapi FILE.json") == true)
            #expect(result.out.filter { $0.hasPrefix("  switchyard import openapi ") }.count == 2)
        }
        let main = try run(["--help"])
        #expect(main.out.contains { $0.contains("switchyard import openapi") })
    }

    @Test(
        "hostile or wrong input is one clear stderr line, nothing on stdout, exit 2 (unreadable) or 1 (nothing imported)"
    )
    func hostileInput() throws {
        let directory = try TemporaryDirectory()
        let notJSON = try directory.write("notjson.json", "\u{0}\u{1}binary garbage {{{")
        let swagger = try directory.write("swagger.json", #"{"swagger": "2.0", "info": {}, "paths": {"/a": {}}}"#)
        let yaml = try directory.write("api.yaml", "openapi: 3.0.0\ninfo:\n  title: x\npaths: {}\n")
        let noPaths = try directory.write("nopaths.json", #"{"openapi": "3.0.0", "info": {}, "paths": {}}"#)
        let deep = try directory.write(
            "deep.json", String(repeating: #"{"a":"#, count: 5000) + "1" + String(repeating: "}", count: 5000))
        let valid = Self.fixtures + "/twilio/openapi.json"
        let cases: [([String], Int32)] = [
            (["import", "openapi", notJSON], 2), (["import", "openapi", swagger], 2), (["import", "openapi", yaml], 2),
            (["import", "openapi", deep], 2), (["import", "openapi", noPaths], 1),
            (["import", "openapi", valid, "--exclude", "."], 1), (["import", "openapi", directory.path], 2),
            (["import", "openapi", directory.path + "/missing.json"], 2), (["import", "openapi"], 2),
            (["import"], 2), (["import", "swagger", valid], 2), (["import", "openapi", valid, "--include", "(("], 2),
            (["import", "openapi", valid, "--name", "Twilio"], 2), (["import", "openapi", valid, "--frobnicate"], 2),
            (["import", "openapi", valid, "--base-url", "http://example.com"], 2),
            (["import", "openapi", valid, valid], 2),
        ]
        for (arguments, expected) in cases {
            let result = try run(arguments)
            #expect(result.status == expected, "\(arguments): \(result.err)")
            #expect(result.out.isEmpty, "\(arguments)")
            #expect(result.err.count == 1, "\(arguments): \(result.err)")
        }
        let yamlResult = try run(["import", "openapi", yaml])
        #expect(yamlResult.err.first?.contains("yq -o=json") == true)
    }

    @Test("a document on standard input is read like a file")
    func standardInput() throws {
        let text = try String(contentsOfFile: Self.fixtures + "/twilio/openapi.json", encoding: .utf8)
        let process = try SwitchyardProcess(["import", "openapi", "-", "--name", "twilio"])
        process.send(text)
        process.closeInput()
        #expect(process.waitForExit() == 0)
        let golden = try String(contentsOfFile: Self.fixtures + "/twilio/draft.json", encoding: .utf8)
        #expect(process.allLines.joined(separator: "\n") + "\n" == golden)
    }

    /// Imports a fixture into a fresh integrations directory and checks it validates.
    private func imported(_ vendor: String, _ extra: [String] = []) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let result = try run(
            ["import", "openapi", Self.fixtures + "/\(vendor)/openapi.json", "--name", vendor] + extra)
        #expect(result.status == 0, "\(result.err)")
        let file = try directory.write("\(vendor).json", result.out.joined(separator: "\n") + "\n")
        let validation = try run(["validate", file])
        #expect(validation.status == 0)
        #expect(!validation.out.contains { $0.contains(": error: ") }, "\(validation.out)")
        return directory
    }

    @Test("an imported Twilio list tool follows next_page_url across two pages, with basic auth")
    func twilioWalk() throws {
        let directory = try imported("twilio")
        var router = Router()
        router.on("GET", "/v1/Knowledge") { request, _ in
            let host = request.header("Host") ?? "127.0.0.1"
            if request.queryValue("PageToken") == "PT2" {
                return .json(#"{"knowledge": [{"id": "aia_know_3"}], "meta": {"next_page_url": null}}"#)
            }
            return .json(
                #"{"knowledge": [{"id": "aia_know_1"}, {"id": "aia_know_2"}], "meta": {"next_page_url": "#
                    + #""http://\#(host)/v1/Knowledge?PageSize=2&Page=1&PageToken=PT2"}}"#)
        }
        let server = try LoopbackServer(router: router)
        let result = try run(
            ["call", "twilio_knowledge_list", #"{"limit": 3, "Tags": "[]"}"#, "--integrations", directory.path],
            environment: [
                "TWILIO_API_URL": server.baseURL, "TWILIO_USERNAME": "AC123", "TWILIO_PASSWORD": "tok_secret",
            ])
        #expect(result.status == 0, "\(result.out) \(result.err)")
        let value = try JSONParser.parse(result.out.joined())
        let items = value["structuredContent"]?["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
        #expect(items == ["aia_know_1", "aia_know_2", "aia_know_3"])
        let requests = server.requests
        #expect(requests.count == 2)
        #expect(requests.first?.queryValue("PageSize") == "3")
        #expect(requests.first?.queryValue("Tags") == "[]")
        #expect(requests.last?.queryValue("PageToken") == "PT2")
        let basic = "Basic " + Data("AC123:tok_secret".utf8).base64EncodedString()
        #expect(requests.allSatisfy { $0.header("Authorization") == basic })
        #expect(!result.out.joined().contains("tok_secret") && !result.err.joined().contains("tok_secret"))
    }

    @Test("a Stripe-shaped document's list tool walks two cursor pages, the cursor taken from the last item's id")
    func cursorWalk() throws {
        let document = #"""
            {"openapi": "3.0.0", "info": {"title": "Shop", "version": "1"}, "servers": [{"url": "https://api.shop.test"}],
             "components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}},
             "paths": {"/v1/customers": {"get": {"summary": "List all customers",
               "parameters": [
                {"name": "email", "in": "query", "description": "Exact email.", "schema": {"type": "string"}},
                {"name": "limit", "in": "query", "description": "Page size.", "schema": {"type": "integer", "maximum": 100}},
                {"name": "starting_after", "in": "query", "description": "Cursor.", "schema": {"type": "string"}}],
               "responses": {"200": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                "data": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}}},
                "has_more": {"type": "boolean"}}}}}}}}}}}
            """#
        let source = try TemporaryDirectory()
        let file = try source.write("shop.json", document)
        let directory = try TemporaryDirectory()
        let imported = try run(["import", "openapi", file])
        #expect(imported.status == 0, "\(imported.err)")
        try directory.write("shop.json", imported.out.joined(separator: "\n"))
        var router = Router()
        router.on("GET", "/v1/customers") { request, _ in
            if request.queryValue("starting_after") == "cus_2" {
                return .json(#"{"object": "list", "data": [{"id": "cus_3"}], "has_more": false}"#)
            }
            return .json(#"{"object": "list", "data": [{"id": "cus_1"}, {"id": "cus_2"}], "has_more": true}"#)
        }
        let server = try LoopbackServer(router: router)
        let result = try run(
            [
                "call", "shop_customers_list", #"{"limit": 3, "email": "a@example.test"}"#, "--integrations",
                directory.path,
            ],
            environment: ["SHOP_API_URL": server.baseURL, "SHOP_TOKEN": "sk_test_import"])
        #expect(result.status == 0, "\(result.out) \(result.err)")
        let value = try JSONParser.parse(result.out.joined())
        let items = value["structuredContent"]?["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
        #expect(items == ["cus_1", "cus_2", "cus_3"])
        let requests = server.requests
        #expect(requests.count == 2)
        #expect(requests.first?.queryValue("limit") == "3")
        #expect(requests.last?.queryValue("starting_after") == "cus_2")
        #expect(requests.allSatisfy { $0.queryValue("email") == "a@example.test" })
        #expect(requests.allSatisfy { $0.header("Authorization") == "Bearer sk_test_import" })
    }
}
