import Glibc

extension Double {
    /// The number in fixed-point notation with `fractionDigits` digits after the point, rounded as
    /// C's `printf("%.*f")` does — what `String(format: "%.3f", value)` gave, without Foundation.
    package func fixedPoint(fractionDigits: Int) -> String {
        let digits = Int32(clamping: fractionDigits)
        let length = withVaList([digits, self]) { vsnprintf(nil, 0, "%.*f", $0) }
        guard length >= 0 else { return String(self) }
        var buffer = [CChar](repeating: 0, count: Int(length) + 1)
        let written = buffer.withUnsafeMutableBufferPointer { pointer in
            withVaList([digits, self]) { vsnprintf(pointer.baseAddress, pointer.count, "%.*f", $0) }
        }
        guard written == length else { return String(self) }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
