import Catalog
import MCP
import SystemIO

/// How `switchyard call` asks for confirmation: `--yes` answers in advance; otherwise, when
/// standard input is a terminal (and not the ARGS), the question goes to stderr and one line is
/// read back — `y` or `yes` confirms, anything else (an empty line, end of input) declines.
/// Without a terminal nobody can be asked.
enum TerminalConfirmation {
    /// The asking closure for a call whose ARGS came from standard input when `argumentsOnStdin`.
    static func asker(yes: Bool, argumentsOnStdin: Bool) -> @Sendable (ConfirmationPrompt) async -> ConfirmationDecision
    {
        { prompt in
            if yes { return .approved }
            guard !argumentsOnStdin, FileDescriptor.isTerminal(FileDescriptor.standardInput) else {
                return .unavailable
            }
            FileDescriptor.writeAll(
                Array((prompt.message + "\nConfirm? [y/N] ").utf8), to: FileDescriptor.standardError)
            let line = await readLine()
            switch line?.trimmingWhitespace().lowercased() {
            case "y", "yes": return .approved
            case nil: return .declined(reason: "standard input ended before an answer came")
            default: return .declined(reason: "the person answered no at the terminal")
            }
        }
    }

    /// One line from standard input, read on its own thread (a blocking read must not hold one
    /// of the cooperative pool's threads); `nil` at end of input.
    private static func readLine() async -> String? {
        await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
            do {
                try DetachedThread.start(name: "switchyard.tty") {
                    continuation.resume(returning: FileDescriptor.readLine(FileDescriptor.standardInput))
                }
            } catch {
                continuation.resume(returning: nil)
            }
        }
    }
}
