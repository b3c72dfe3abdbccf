import SystemIO

/// Writes whole lines to standard error with `write(2)` (stdout belongs to the protocol or the
/// command's result). A closed pipe is ignored, never a crash.
enum StandardError {
    static func write(_ line: String) {
        FileDescriptor.writeAll(Array((line + "\n").utf8), to: FileDescriptor.standardError)
    }
}

/// Writes whole lines to standard output (commands other than `serve`); stops quietly on a closed pipe.
enum StandardOutput {
    static func write(_ text: String) {
        FileDescriptor.writeAll(Array((text + "\n").utf8), to: FileDescriptor.standardOutput)
    }
}
