import Foundation

/// Finds the package root and builds the release `switchyard` binary the scenarios launch.
///
/// `swift run -c release switchyard-bench` builds only the bench, so the bench runs
/// `swift build -c release --product switchyard` itself (quick when nothing changed), with the
/// scratch path the bench itself was built in, so both land in the same directory.
enum BinaryLocator {
    /// The package root: three directories above this source file's folder.
    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Builds the release `switchyard` product and returns the binary's path.
    static func buildRelease() throws -> String {
        let root = packageRoot
        var arguments = ["swift", "build", "-c", "release", "--product", "switchyard"]
        if let scratch = scratchPath(root: root) { arguments += ["--scratch-path", scratch] }
        Console.progress("building the release binary: \(arguments.joined(separator: " "))")
        _ = try run(arguments, in: root, capture: false)
        let binDirectory = try run(arguments + ["--show-bin-path"], in: root, capture: true)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let binary = binDirectory + "/switchyard"
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw BenchError("the build did not produce \(binary)")
        }
        return binary
    }

    /// The scratch directory the running bench was built in, when it lies inside the package root.
    private static func scratchPath(root: String) -> String? {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            return nil
        }
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        while directory.path.count > root.count {
            let parent = directory.deletingLastPathComponent()
            if parent.standardizedFileURL.path == URL(fileURLWithPath: root).standardizedFileURL.path {
                return directory.path
            }
            directory = parent
        }
        return nil
    }

    /// Runs a command in `directory`; its output goes to standard error unless captured and returned.
    private static func run(_ arguments: [String], in directory: String, capture: Bool) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        process.standardOutput = capture ? output : FileHandle.standardError
        process.standardError = FileHandle.standardError
        try process.run()
        let data = capture ? output.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("`\(arguments.joined(separator: " "))` failed (exit \(process.terminationStatus))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
