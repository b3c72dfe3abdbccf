import Foundation
import JSON
import TestSupport
import Testing

extension ServeEndToEnd {
    /// A client that never initializes — a shell script piping JSON-RPC lines through the binary —
    /// is answered as under the newest legacy revision (DESIGN.md §3).
    @Suite struct ServeShellClientTests {
        @Test("a shell pipeline lists the tools and calls one without initializing, then exits 0")
        func shellPipeline() async throws {
            let vendor = try AcmeVendor()
            let files = try VendorIntegrations()
            let script = """
                printf '%s\\n' \
                  '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' \
                  '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"acme_items_get","arguments":{"item_id":"i3"}}}' \
                  | timeout 60 "$SWITCHYARD" serve --integrations "$INTEGRATIONS"
                """
            var environment = files.environment(acmeURL: vendor.baseURL)
            environment["SWITCHYARD"] = SwitchyardProcess.binaryPath
            environment["INTEGRATIONS"] = files.directory.path
            let (status, lines) = try await Self.runShell(script, environment: environment)
            #expect(status == 0)
            ServeSession.expectProtocolOnly(lines)
            let messages = try lines.map { try JSONParser.parse($0) }
            let list = try #require(messages.first { $0["id"] == 1 })
            let call = try #require(messages.first { $0["id"] == 2 })
            #expect(messages.count == 2)
            let tools = try #require(list["result"]?["tools"]?.arrayValue)
            #expect(Set(tools.compactMap { $0["name"]?.stringValue }) == VendorIntegrations.allTools)
            #expect(call["result"]?["isError"] == false)
            #expect(call["result"]?["structuredContent"]?["name"] == "Item i3")
            #expect(vendor.requests.map(\.path) == ["/items/i3"])
        }

        @Test("without initialize, tools/list and tools/call are rendered as 2025-11-25")
        func uninitializedRendering() async throws {
            let session = try ServeSession()
            let tools = try #require(try await session.roundTrip(1, "tools/list")["result"]?["tools"]?.arrayValue)
            let list = try #require(tools.first { $0["name"] == "acme_items_list" })
            #expect(list["title"] == "List items")
            #expect(list["outputSchema"] != nil)
            #expect(list["annotations"] != nil)
            let result = try await session.callResult(2, "acme_items_get", ["item_id": "i4"])
            #expect(result["structuredContent"]?["id"] == "i4")
            #expect(result["resultType"] == nil)
            #expect(result["_meta"] == nil)
            #expect(await session.finish() == 0)
        }

        /// Runs `script` with `/bin/sh -c`; returns its exit status and its standard output's lines.
        ///
        /// The script bounds itself (`timeout`); reading and waiting happen off the cooperative pool.
        private static func runShell(_ script: String, environment: [String: String]) async throws -> (Int32, [String])
        {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script]
            var merged = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
            for (key, value) in environment { merged[key] = value }
            process.environment = merged
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try ProcessLaunch.run(process)
            let reader = output.fileHandleForReading
            let (data, status) = await OffPool.run { () -> (Data, Int32) in
                let data = reader.readDataToEndOfFile()
                process.waitUntilExit()
                return (data, process.terminationStatus)
            }
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            return (status, lines)
        }
    }
}
