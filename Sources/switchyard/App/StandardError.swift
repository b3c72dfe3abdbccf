import FoundationEssentials
import Glibc

/// Writes whole lines to standard error with `write(2)` (stdout belongs to the protocol or the
/// command's result). A closed pipe is ignored, never a crash.
enum StandardError {
    static func write(_ line: String) {
        FileDescriptorWriter.writeAll(line + "\n", to: 2)
    }
}

/// Writes whole lines to standard output (commands other than `serve`); stops quietly on a closed pipe.
enum StandardOutput {
    static func write(_ text: String) {
        FileDescriptorWriter.writeAll(text + "\n", to: 1)
    }
}

/// Loops `write(2)` until every byte is written or the descriptor fails (EPIPE included).
enum FileDescriptorWriter {
    static func writeAll(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}
