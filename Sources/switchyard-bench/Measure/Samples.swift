/// Repeated measurements of one quantity, kept sorted, with the order statistics the report shows.
struct Samples: Sendable {
    /// The values, ascending.
    let values: [Double]

    /// Creates a sample set from values in any order.
    init(_ values: [Double]) {
        self.values = values.sorted()
    }

    /// How many values there are.
    var count: Int { values.count }

    /// The 50th percentile.
    var median: Double { percentile(50) }

    /// The 99th percentile.
    var p99: Double { percentile(99) }

    /// The `p`th percentile (0…100), linearly interpolated between the nearest ranks; 0 when empty.
    func percentile(_ p: Double) -> Double {
        guard let first = values.first else { return 0 }
        guard values.count > 1 else { return first }
        let rank = min(max(p, 0), 100) / 100 * Double(values.count - 1)
        let lower = Int(rank.rounded(.down))
        let upper = min(lower + 1, values.count - 1)
        let fraction = rank - Double(lower)
        return values[lower] + (values[upper] - values[lower]) * fraction
    }
}

extension Duration {
    /// The duration in milliseconds, with fractions.
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
