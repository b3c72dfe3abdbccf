/// The goal a figure is held to, as the issue states it.
enum Target: Sendable {
    /// No goal: the figure is reported for information.
    case none
    /// The median must not exceed this value (in the row's unit).
    case medianAtMost(Double)
    /// The median must not exceed the floor's median plus `plus`, and the p99 must not exceed `p99AtMost`.
    case overFloor(plus: Double, p99AtMost: Double)
    /// The median must not exceed the floor times this factor.
    case ratioAtMost(Double)

    /// The goal in words, in the row's unit.
    func description(unit: BenchResult.Unit) -> String {
        switch self {
        case .none: return "—"
        case .medianAtMost(let value): return "≤ \(Self.number(value)) \(unit.rawValue)"
        case .overFloor(let plus, let p99): return "≤ floor+\(Self.number(plus)), p99 ≤ \(Self.number(p99))"
        case .ratioAtMost(let factor): return "≤ \(Self.number(factor))× floor"
        }
    }

    /// Whether `result` meets this goal; `nil` for ``none`` or a missing floor.
    func isMet(by result: BenchResult) -> Bool? {
        switch self {
        case .none:
            return nil
        case .medianAtMost(let value):
            return result.median <= value
        case .overFloor(let plus, let p99AtMost):
            guard let floor = result.floor else { return nil }
            return result.median <= floor + plus && (result.p99 ?? result.median) <= p99AtMost
        case .ratioAtMost(let factor):
            guard let ratio = result.ratio else { return nil }
            return ratio <= factor
        }
    }

    private static func number(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }
}
