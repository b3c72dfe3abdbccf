import Foundation
import JSON
import TestSupport
import Testing

/// `--audit-log FILE` (DESIGN.md §8): one JSON line per tool call — when, which tool, a digest of
/// the arguments, the outcome — and never an argument value, a response body or a secret.
extension OAuth2AuditReloadSuites {
    @Suite struct AuditLogTests {
        static let token = "sk-audit-Secret-7f3a"
        static let responseMarker = "RESPONSE-ONLY-8c1e"

        /// A shop whose responses carry a marker that must never reach the audit log.
        private static func vendor() throws -> LoopbackServer {
            var router = Router()
            let flaky = ReplySequence(
                [.json(503, #"{"message":"busy"}"#), .json(503, #"{"message":"busy"}"#)],
                then: .json(#"{"id":"flaky","note":"\#(responseMarker)"}"#))
            router.on("GET", "/orders/flaky", sequence: flaky)
            router.on("GET", "/orders/slow", reply: .delayed(.milliseconds(400), .json(#"{"id":"slow"}"#)))
            router.on("GET", "/orders/missing") { request, _ in
                .json(404, #"{"message":"no order; you sent \#(request.header("Authorization") ?? "")"}"#)
            }
            router.on("GET", "/orders/{id}") { _, parameters in
                .json(#"{"id":"\#(parameters["id"] ?? "")","secret_note":"\#(responseMarker)"}"#)
            }
            router.on("GET", "/orders", reply: .json(#"{"orders":[{"id":"a","note":"\#(responseMarker)"}]}"#))
            router.on("POST", "/orders") { request, _ in .json(201, request.bodyText) }
            return try LoopbackServer(router: router)
        }

        private static func integration(base: String) -> String {
            #"""
            {"name": "shop", "description": "A test shop.", "base_url": "\#(base)",
             "auth": {"type": "bearer", "token": "${SHOP_TOKEN}"},
             "retry": {"max_attempts": 3, "on_status": [503], "initial_backoff_ms": 10, "max_backoff_ms": 20},
             "resources": {"orders": {"description": "Orders of the shop.", "operations": {
               "get": {"request": "GET /orders/{id}", "description": "Fetch one order of the shop by its id, with its lines.",
                       "parameters": {
                         "id": {"in": "path", "type": "string", "description": "The order id."},
                         "expand": {"in": "query", "type": "array", "items": {"type": "string"},
                                    "description": "Related records to include."},
                         "verbose": {"in": "query", "type": "boolean", "description": "Include every field."}}},
               "list": {"request": "GET /orders", "description": "List the orders of the shop, newest first.",
                        "pagination": {"style": "none", "records": "/orders"}},
               "create": {"request": "POST /orders", "description": "Place a new order in the shop for a customer.",
                          "parameters": {
                            "amount": {"in": "body", "type": "integer", "description": "Amount in cents."},
                            "customer": {"in": "body", "type": "object", "description": "Who orders.",
                                         "properties": {"name": {"type": "string"}, "email": {"type": "string"}}},
                            "memo": {"in": "body", "type": "string", "description": "A note for the order."}}}
             }}}}
            """#
        }

        /// The lowercase hex SHA-256 of `text`, computed by the system's `sha256sum`, not by Switchyard.
        private static func sha256(_ text: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            process.environment = ["PATH": "/usr/bin:/bin"]
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try ProcessLaunch.run(process)
            input.fileHandleForWriting.write(Data(text.utf8))
            try input.fileHandleForWriting.close()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(String(decoding: data, as: UTF8.self).prefix(64))
        }

        /// The audit file's lines, each parsed.
        private static func lines(_ path: String) throws -> [JSONValue] {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.hasSuffix("\n"), "the last line is not terminated")
            return try text.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        }

        private static func date(_ timestamp: String) -> Date? {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"
            return formatter.date(from: timestamp)
        }

        @Test("each call appends one line with exactly the documented fields, and nothing else")
        func oneLinePerCall() throws {
            let directory = try TemporaryDirectory()
            let vendor = try Self.vendor()
            defer { vendor.stop() }
            try directory.write("shop.json", Self.integration(base: vendor.baseURL))
            let audit = directory.path + "/audit.jsonl"
            let started = Date()
            let client = try LiveReloadClient(
                ["--integrations", directory.path, "--audit-log", audit], environment: ["SHOP_TOKEN": Self.token])
            let getArguments: JSONObject = ["verbose": true, "id": "ARG-VALUE-o17", "expand": ["lines", "customer"]]
            let createArguments: JSONObject = [
                "memo": "ARG-VALUE-memo é \"q\"", "customer": ["name": "ARG-VALUE-name", "email": "a@example.com"],
                "amount": 1250,
            ]
            let calls: [(name: String, arguments: JSONObject)] = [
                ("shop_orders_get", getArguments), ("shop_orders_list", [:]), ("shop_orders_create", createArguments),
                ("shop_orders_get", ["id": "missing"]), ("shop_orders_get", ["id": "flaky"]),
                ("shop_orders_get", ["id": 42]), ("shop_orders_get", ["id": "slow"]),
            ]
            var texts: [String] = []
            for (offset, call) in calls.enumerated() {
                let response = try #require(client.call(id: offset + 1, call.name, call.arguments))
                texts.append(try #require(response["result"]?["content"]?[0]?["text"]?.stringValue))
            }
            #expect(client.finish() == 0)
            let finished = Date()

            let entries = try Self.lines(audit)
            try #require(entries.count == calls.count)
            let allowed: Set<String> = [
                "ts", "tool", "integration", "kind", "args_sha256", "outcome", "error_type", "status", "attempts",
                "duration_ms", "bytes",
            ]
            for (entry, (call, text)) in zip(entries, zip(calls, texts)) {
                let keys = Set(entry.objectValue?.members.map(\.key) ?? [])
                #expect(keys.isSubset(of: allowed), "unexpected fields \(keys.subtracting(allowed))")
                let timestamp = try #require(entry["ts"]?.stringValue)
                #expect(
                    timestamp.wholeMatch(of: #/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/#) != nil, "\(timestamp)")
                let when = try #require(Self.date(timestamp))
                #expect(when >= started.addingTimeInterval(-1) && when <= finished.addingTimeInterval(1))
                #expect(entry["tool"]?.stringValue == call.name)
                #expect(entry["integration"] == "shop")
                #expect(entry["bytes"]?.intValue == Int64(text.utf8.count))
                #expect((entry["duration_ms"]?.intValue ?? -1) >= 0)
                #expect(entry["args_sha256"]?.stringValue?.count == 64)
            }
            let expected: [(kind: String, outcome: String, error: String?, status: Int64?, attempts: Int64)] = [
                ("get", "ok", nil, 200, 1), ("list", "ok", nil, 200, 1), ("create", "ok", nil, 201, 1),
                ("get", "error", "not_found", 404, 1), ("get", "ok", nil, 200, 3),
                ("get", "error", "invalid_arguments", nil, 0), ("get", "ok", nil, 200, 1),
            ]
            for (entry, want) in zip(entries, expected) {
                #expect(entry["kind"]?.stringValue == want.kind)
                #expect(entry["outcome"]?.stringValue == want.outcome)
                #expect(entry["error_type"]?.stringValue == want.error)
                #expect(entry["status"]?.intValue == want.status, "\(entry.encoded())")
                #expect(entry["attempts"]?.intValue == want.attempts, "\(entry.encoded())")
            }
            #expect((entries[6]["duration_ms"]?.intValue ?? 0) >= 400, "the slow call took at least 400 ms")

            let text = try String(contentsOfFile: audit, encoding: .utf8)
            for forbidden in ["ARG-VALUE", "a@example.com", "lines", Self.responseMarker, Self.token, "busy"] {
                #expect(!text.contains(forbidden), "the audit log contains \(forbidden)")
            }
        }

        @Test(
            "args_sha256 is the SHA-256 of the arguments' canonical JSON: sorted keys, compact, whatever the order sent"
        )
        func canonicalDigest() throws {
            let directory = try TemporaryDirectory()
            let vendor = try Self.vendor()
            defer { vendor.stop() }
            try directory.write("shop.json", Self.integration(base: vendor.baseURL))
            let audit = directory.path + "/audit.jsonl"
            let client = try LiveReloadClient(
                ["--integrations", directory.path, "--audit-log", audit], environment: ["SHOP_TOKEN": Self.token])
            // The same arguments in two member orders, raw on the wire, then different values.
            for (id, arguments) in [
                #"{"memo":"ARG é \"q\"","customer":{"name":"N","email":"e@x"},"amount":1250}"#,
                #"{ "amount" : 1250, "customer" : { "email" : "e@x", "name" : "N" }, "memo" : "ARG \u00e9 \"q\"" }"#,
                #"{"amount":1251,"customer":{"email":"e@x","name":"N"},"memo":"ARG é \"q\""}"#,
                #"{}"#,
            ].enumerated() {
                client.process.send(
                    #"{"jsonrpc":"2.0","id":\#(id + 1),"method":"tools/call","params":{"name":"shop_orders_"#
                        + (id == 3 ? "list" : "create") + #"","arguments":\#(arguments)}}"#)
                try #require(client.response(to: id + 1) != nil)
            }
            #expect(client.finish() == 0)
            let digests = try Self.lines(audit).map { $0["args_sha256"]?.stringValue ?? "" }
            let canonical = #"{"amount":1250,"customer":{"email":"e@x","name":"N"},"memo":"ARG é \"q\""}"#
            #expect(digests[0] == (try Self.sha256(canonical)))
            #expect(digests[1] == digests[0], "member order or whitespace changed the digest")
            #expect(digests[2] == (try Self.sha256(canonical.replacingOccurrences(of: "1250", with: "1251"))))
            #expect(digests[3] == (try Self.sha256("{}")))
        }

        @Test("two processes appending to one audit log at once produce whole lines, one per call")
        func twoProcessesAppend() throws {
            let directory = try TemporaryDirectory()
            let vendor = try Self.vendor()
            defer { vendor.stop() }
            try directory.write("shop.json", Self.integration(base: vendor.baseURL))
            let audit = directory.path + "/audit.jsonl"
            let arguments = ["--integrations", directory.path, "--audit-log", audit]
            let clients = try (0..<2).map { _ in
                try LiveReloadClient(arguments, environment: ["SHOP_TOKEN": Self.token])
            }
            let perProcess = 60
            for client in clients {
                for id in 1...perProcess {
                    let padding = String(repeating: "p", count: id * 50)
                    client.startCall(
                        id: id, "shop_orders_get", ["id": .string("order-\(id)"), "expand": [.string(padding)]])
                }
            }
            for client in clients {
                for id in 1...perProcess { #expect(client.response(to: id) != nil) }
                #expect(client.finish() == 0)
            }
            let text = try String(contentsOfFile: audit, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.count == 2 * perProcess)
            for line in lines {
                let entry = try? JSONParser.parse(String(line))
                #expect(entry?["tool"] == "shop_orders_get", "not a whole line: \(line)")
            }
        }

        @Test("an audit log that fails mid-run (full disk) is reported once on stderr and never fails a call")
        func fullDisk() throws {
            try #require(FileManager.default.fileExists(atPath: "/dev/full"))
            let directory = try TemporaryDirectory()
            let vendor = try Self.vendor()
            defer { vendor.stop() }
            try directory.write("shop.json", Self.integration(base: vendor.baseURL))
            let client = try LiveReloadClient(
                ["--integrations", directory.path, "--audit-log", "/dev/full"], environment: ["SHOP_TOKEN": Self.token])
            for id in 1...3 {
                let response = client.call(id: id, "shop_orders_get", ["id": .string("o\(id)")])
                #expect(response?["result"]?["isError"] == false)
            }
            #expect(client.finish() == 0)
            let reports = client.process.standardError.split(separator: "\n").filter { $0.contains("audit log") }
            #expect(reports.count == 1, "\(client.process.standardError)")
        }

        @Test("switchyard call appends its one line too")
        func callCommand() throws {
            let directory = try TemporaryDirectory()
            let vendor = try Self.vendor()
            defer { vendor.stop() }
            try directory.write("shop.json", Self.integration(base: vendor.baseURL))
            let audit = directory.path + "/audit.jsonl"
            for id in ["c1", "missing"] {
                let process = try SwitchyardProcess(
                    [
                        "call", "shop_orders_get", #"{"id":"\#(id)"}"#, "--integrations", directory.path, "--audit-log",
                        audit,
                    ],
                    environment: ["SHOP_TOKEN": Self.token])
                process.closeInput()
                #expect(process.waitForExit() == (id == "missing" ? 1 : 0))
            }
            let entries = try Self.lines(audit)
            #expect(entries.map { $0["outcome"]?.stringValue } == ["ok", "error"])
        }

        @Test(
            "an audit log that cannot be opened is a usage error before anything is served: one stderr line, exit 2",
            arguments: ["serve", "call"])
        func unwritablePath(command: String) throws {
            let directory = try TemporaryDirectory()
            try directory.write("shop.json", Self.integration(base: "http://127.0.0.1:9"))
            for path in [directory.path + "/no/such/dir/audit.jsonl", directory.path] {
                var arguments = [command]
                if command == "call" { arguments += ["shop_orders_list", "{}"] }
                arguments += ["--integrations", directory.path, "--audit-log", path]
                let process = try SwitchyardProcess(arguments, environment: ["SHOP_TOKEN": Self.token])
                process.send(#"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#)
                process.closeInput()
                #expect(process.waitForExit() == 2, "\(arguments)")
                #expect(process.allLines.isEmpty, "served despite the bad audit log: \(process.allLines)")
                let errors = process.standardError.split(separator: "\n")
                #expect(errors.count == 1, "\(errors)")
                #expect(errors.first?.contains("audit log") == true)
                #expect(errors.first?.contains(path) == true)
            }
        }
    }
}
