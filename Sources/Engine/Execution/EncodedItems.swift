import JSON

/// A list's items encoded once, back to back and separated by commas, with where each ends, so
/// a list result (or any prefix of it) is built without a second encoding or a string per item.
struct EncodedItems {
    /// The encodings of all items, comma-separated: the inside of the `items` array.
    private let bytes: [UInt8]
    /// The offset just past each item's encoding.
    private let ends: [Int]

    /// Encodes `items` in order.
    init(_ items: [JSONValue]) {
        var writer = JSONWriter(reserving: max(256, items.count * 64))
        var ends: [Int] = []
        ends.reserveCapacity(items.count)
        for item in items {
            if !ends.isEmpty { writer.writeRaw(CollectionOfOne(UInt8(ascii: ","))) }
            writer.write(item)
            ends.append(writer.bytes.count)
        }
        self.bytes = writer.bytes
        self.ends = ends
    }

    /// The size in bytes of item `index`'s encoding alone.
    func size(of index: Int) -> Int {
        index == 0 ? ends[0] : ends[index] - ends[index - 1] - 1
    }

    /// The first `count` items' encodings with their separating commas (empty for 0).
    func prefix(_ count: Int) -> ArraySlice<UInt8> {
        let count = min(count, ends.count)
        return count <= 0 ? [] : bytes[..<ends[count - 1]]
    }
}
