import Foundation

/// Writes whole lines to standard error (stdout belongs to the protocol or the command's result).
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Writes whole lines to standard output (commands other than `serve`).
enum StandardOutput {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
