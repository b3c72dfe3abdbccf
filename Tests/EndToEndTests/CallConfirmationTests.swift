import Foundation
import Glibc
import JSON
import TestSupport
import Testing

/// `switchyard call` on a tool that needs confirmation: asked on the terminal when standard input
/// is one, `--yes` answers in advance, and without either the call is refused with exit 1.
@Suite(.serialized) struct CallConfirmationTests {
    struct Run {
        var status: Int32?
        var out: String
        var err: String
    }

    static let arguments = #"{"report_id": "r1"}"#

    /// Runs `switchyard call acme_reports_delete` with `extra` options; stdin is a pseudo-terminal
    /// on which `typed` is typed when given, else a closed pipe.
    static func run(_ extra: [String], typed: String?, files: VendorIntegrations, vendor: AcmeVendor) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SwitchyardProcess.binaryPath)
        process.arguments = ["call", "acme_reports_delete", arguments, "--integrations", files.directory.path] + extra
        var environment = files.environment(acmeURL: vendor.baseURL)
        environment["PATH"] = "/usr/bin:/bin"
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        var master: Int32 = -1
        if typed != nil {
            process.standardInput = try #require(FileHandle(forUpdatingAtPath: try Self.openTerminal(&master)))
        } else {
            let stdin = Pipe()
            process.standardInput = stdin
            stdin.fileHandleForWriting.closeFile()
        }
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try ProcessLaunch.run(process)
        if let typed {
            let bytes = Array(typed.utf8)
            _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        }
        let finished = exited.wait(timeout: .now() + 20) == .success
        if master >= 0 { close(master) }
        if !finished { process.terminate() }
        return Run(
            status: finished ? process.terminationStatus : nil,
            out: String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
            err: String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    /// Opens a pseudo-terminal pair through `/dev/ptmx` (Glibc's `posix_openpt` family is not
    /// visible to Swift): unlocks it and returns the path of its terminal side.
    static func openTerminal(_ master: inout Int32) throws -> String {
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(master >= 0, "no /dev/ptmx")
        var unlock: Int32 = 0
        var number: UInt32 = 0
        let tiocsptlck: UInt = 0x4004_5431
        let tiocgptn: UInt = 0x8004_5430
        try #require(ioctl(master, tiocsptlck, &unlock) == 0)
        try #require(ioctl(master, tiocgptn, &number) == 0)
        return "/dev/pts/\(number)"
    }

    static func deletes(_ vendor: AcmeVendor) -> Int {
        vendor.requests.filter { $0.method == "DELETE" }.count
    }

    @Test("without a terminal and without --yes: exit 1, confirmation_required, nothing sent")
    func noTerminal() throws {
        let (files, vendor) = (try VendorIntegrations(), try AcmeVendor())
        let run = try Self.run([], typed: nil, files: files, vendor: vendor)
        #expect(run.status == 1)
        let result = try JSONParser.parse(run.out)
        #expect(result["structuredContent"]?["error"]?["type"] == "confirmation_required")
        #expect(Self.deletes(vendor) == 0)
    }

    @Test("--yes confirms in advance: exit 0 and one request")
    func yes() throws {
        let (files, vendor) = (try VendorIntegrations(), try AcmeVendor())
        let run = try Self.run(["--yes"], typed: nil, files: files, vendor: vendor)
        #expect(run.status == 0, "\(run.err)")
        #expect(Self.deletes(vendor) == 1)
    }

    @Test("on a terminal the question is asked on stderr; y runs the call, anything else declines")
    func terminal() throws {
        let (files, vendor) = (try VendorIntegrations(), try AcmeVendor())
        let confirmed = try Self.run([], typed: "y\n", files: files, vendor: vendor)
        #expect(confirmed.status == 0, "\(confirmed.err)")
        #expect(confirmed.err.contains(#"acme_reports_delete (DELETE /reports/{report_id}) with report_id="r1""#))
        #expect(confirmed.err.contains("Confirm? [y/N]"))
        #expect(Self.deletes(vendor) == 1)
        let declined = try Self.run([], typed: "\n", files: files, vendor: vendor)
        #expect(declined.status == 1)
        #expect(try JSONParser.parse(declined.out)["structuredContent"]?["error"]?["type"] == "declined")
        #expect(Self.deletes(vendor) == 1)
    }

    @Test("--confirm takes destructive, writes or none; anything else is a usage error")
    func badPolicy() throws {
        let (files, vendor) = (try VendorIntegrations(), try AcmeVendor())
        let run = try Self.run(["--confirm", "sometimes"], typed: nil, files: files, vendor: vendor)
        #expect(run.status == 2)
        #expect(run.err.contains("--confirm must be destructive, writes or none"))
        let unattended = try Self.run(["--confirm", "none"], typed: nil, files: files, vendor: vendor)
        #expect(unattended.status == 0)
        #expect(Self.deletes(vendor) == 1)
    }
}
