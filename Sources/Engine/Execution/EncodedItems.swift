import JSON

/// A list's items encoded once, back to back and separated by commas, with where each ends, so
/// a list result (or any prefix of it) is built without a second encoding or a string per item.
///
/// Items are appended one at a time, so a walk can encode each page while it fetches the next.
struct EncodedItems: Sendable {
    /// The encodings of all items, comma-separated: the inside of the `items` array.
    private var writer = JSONWriter(reserving: 4096)
    /// The offset just past each item's encoding.
    private var ends: [Int] = []

    /// No items yet.
    init() {}

    /// Encodes one more item after the others.
    mutating func append(_ item: JSONValue) {
        if !ends.isEmpty { writer.writeRaw(CollectionOfOne(UInt8(ascii: ","))) }
        writer.write(item)
        ends.append(writer.bytes.count)
    }

    /// The size in bytes of item `index`'s encoding alone.
    func size(of index: Int) -> Int {
        index == 0 ? ends[0] : ends[index] - ends[index - 1] - 1
    }

    /// The first `count` items' encodings with their separating commas (empty for 0).
    func prefix(_ count: Int) -> ArraySlice<UInt8> {
        let count = min(count, ends.count)
        return count <= 0 ? [] : writer.bytes[..<ends[count - 1]]
    }
}
