import Foundation

/// Where the bench writes: results to standard output, progress to standard error.
enum Console {
    /// Writes `text` and a newline to standard output (the results).
    static func result(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes one progress line to standard error.
    static func progress(_ text: String) {
        FileHandle.standardError.write(Data(("switchyard-bench: " + text + "\n").utf8))
    }
}
