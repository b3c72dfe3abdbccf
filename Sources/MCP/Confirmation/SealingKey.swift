import Glibc

/// The secret keys ``TokenSealer``s are made with: 32 random bytes from the kernel, or a key
/// given in hex (`SWITCHYARD_CURSOR_KEY`).
public enum SealingKey {
    /// The length of a key in bytes.
    public static let length = 32

    /// 32 bytes read from `/dev/urandom`; should that fail (no `/dev`), the system's random
    /// generator (`getrandom(2)`), which is as good.
    public static func random() -> [UInt8] {
        var key = [UInt8](repeating: 0, count: length)
        let descriptor = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        if descriptor >= 0 {
            defer { close(descriptor) }
            var filled = 0
            while filled < length {
                let count = key.withUnsafeMutableBytes { buffer -> Int in
                    guard let base = buffer.baseAddress else { return -1 }
                    return read(descriptor, base + filled, length - filled)
                }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                filled += count
            }
            if filled == length { return key }
        }
        var generator = SystemRandomNumberGenerator()
        return (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// The key spelled by `hex` (64 hex digits, either case), or `nil` when it is not one.
    public static func fromHex(_ hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count == length * 2 else { return nil }
        var key: [UInt8] = []
        key.reserveCapacity(length)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            key.append(high << 4 | low)
        }
        return key
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 0x30...0x39: return digit - 0x30
        case 0x61...0x66: return digit - 0x61 + 10
        case 0x41...0x46: return digit - 0x41 + 10
        default: return nil
        }
    }
}
