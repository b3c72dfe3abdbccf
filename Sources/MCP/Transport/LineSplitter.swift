/// Cuts a byte stream into lines on `\n`, dropping a `\r` before the newline, and refuses to
/// buffer a line longer than a maximum: such a line is reported once, by length, and its bytes
/// are skipped up to the next newline.
struct LineSplitter {
    /// A piece of output: a complete line or the length of a discarded over-long line.
    enum Piece: Equatable {
        /// A complete line without its terminator.
        case line([UInt8])
        /// A line over the maximum; `length` bytes were skipped (excluding the newline).
        case tooLong(length: Int)
    }

    /// The longest line kept, in bytes, counting a trailing `\r` but not the `\n`.
    let maximumLineLength: Int
    private var pending: [UInt8] = []
    private var discarding = false
    private var discardedLength = 0

    /// Creates a splitter; `maximumLineLength` is at least 1.
    init(maximumLineLength: Int) {
        self.maximumLineLength = max(1, maximumLineLength)
    }

    /// Consumes one chunk of input, emitting every line it completes.
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, emit: (Piece) -> Void) {
        var start = 0
        while start < chunk.count {
            let rest = UnsafeBufferPointer(rebasing: chunk[start...])
            let newline = rest.firstIndex(of: 0x0A).map { $0 - rest.startIndex }
            let segment = UnsafeBufferPointer(rebasing: rest[..<(newline ?? rest.count)])
            absorb(segment)
            guard let newline else { return }
            emit(takeLine())
            start += newline + 1
        }
    }

    /// Consumes a chunk given as an array (convenience for tests).
    mutating func feed(_ chunk: [UInt8], emit: (Piece) -> Void) {
        chunk.withUnsafeBufferPointer { feed($0, emit: emit) }
    }

    /// Ends the input: a last line without a newline is still emitted.
    mutating func finish(emit: (Piece) -> Void) {
        guard discarding || !pending.isEmpty else { return }
        emit(takeLine())
    }

    private mutating func absorb(_ segment: UnsafeBufferPointer<UInt8>) {
        if discarding {
            discardedLength += segment.count
        } else if pending.count + segment.count > maximumLineLength {
            discarding = true
            discardedLength = pending.count + segment.count
            pending = []
        } else {
            pending.append(contentsOf: segment)
        }
    }

    private mutating func takeLine() -> Piece {
        if discarding {
            let length = discardedLength
            discarding = false
            discardedLength = 0
            return .tooLong(length: length)
        }
        if pending.last == 0x0D { pending.removeLast() }
        let line = pending
        // Keep a modest buffer for the next line; give back the memory of a huge one.
        pending.removeAll(keepingCapacity: pending.capacity <= 1 << 20)
        return .line(line)
    }
}
