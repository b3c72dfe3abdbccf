/// One row of the report: a scenario's median and p99, its floor measured in the same run, and its target.
struct BenchResult: Sendable {
    /// What a figure is counted in.
    enum Unit: String, Sendable {
        /// Milliseconds.
        case milliseconds = "ms"
        /// Mebibytes (2^20 bytes).
        case mebibytes = "MiB"
        /// Prompt tokens, estimated as bytes / 4.
        case tokens = "tokens"
    }

    /// A stable machine name, e.g. `tools_call`.
    var id: String
    /// The label in the table.
    var name: String
    /// The unit of ``median``, ``p99`` and ``floor``.
    var unit: Unit
    /// The median (or the single value of a one-off measurement).
    var median: Double
    /// The 99th percentile, when the figure was measured repeatedly.
    var p99: Double?
    /// The floor the figure is compared with, measured in the same run.
    var floor: Double?
    /// The floor's 99th percentile, when it was measured repeatedly.
    var floorP99: Double?
    /// What the floor is.
    var floorLabel: String
    /// How many measurements the median is taken over.
    var samples: Int
    /// What the figure should reach.
    var target: Target

    /// The median over the floor, when there is a floor.
    var ratio: Double? {
        guard let floor, floor > 0 else { return nil }
        return median / floor
    }

    /// Whether the target is met; `nil` when there is none.
    var met: Bool? { target.isMet(by: self) }
}

extension BenchResult {
    /// A row from repeated timings, with a floor timed in the same run.
    init(
        id: String, name: String, samples: Samples, floor: Samples?, floorLabel: String, target: Target
    ) {
        self.init(
            id: id, name: name, unit: .milliseconds, median: samples.median, p99: samples.p99, floor: floor?.median,
            floorP99: floor?.p99, floorLabel: floorLabel, samples: samples.count, target: target)
    }

    /// A one-off memory figure in bytes against a floor in bytes.
    init(id: String, name: String, bytes: Int, floorBytes: Int?, floorLabel: String, target: Target) {
        let mebibyte = Double(1 << 20)
        self.init(
            id: id, name: name, unit: .mebibytes, median: Double(bytes) / mebibyte, p99: nil,
            floor: floorBytes.map { Double($0) / mebibyte }, floorP99: nil, floorLabel: floorLabel, samples: 1,
            target: target)
    }

    /// A one-off token count against a floor count.
    init(id: String, name: String, tokens: Int, floorTokens: Int?, floorLabel: String, target: Target) {
        self.init(
            id: id, name: name, unit: .tokens, median: Double(tokens), p99: nil, floor: floorTokens.map(Double.init),
            floorP99: nil, floorLabel: floorLabel, samples: 1, target: target)
    }
}
