import Foundation
import JSON

/// Renders the results as a text table or as one JSON object.
enum ReportRenderer {
    /// A table with one row per result: median, p99, floor, ratio, target and whether it is met.
    static func table(_ results: [BenchResult]) -> String {
        let header = ["scenario", "median", "p99", "floor", "ratio", "target", "met?"]
        var rows = [header]
        for result in results {
            let unit = result.unit.rawValue
            rows.append([
                result.name,
                format(result.median) + " " + unit,
                result.p99.map { format($0) + " " + unit } ?? "—",
                result.floor.map { format($0) + " " + unit } ?? "—",
                result.ratio.map { String(format: "%.2f×", $0) } ?? "—",
                result.target.description(unit: result.unit),
                result.met.map { $0 ? "yes" : "NO" } ?? "—",
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            row.enumerated().map { column, cell in
                column == 0 ? pad(cell, widths[column]) : padLeft(cell, widths[column])
            }.joined(separator: "  ")
        }
        lines.insert(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), at: 1)
        lines.append("")
        lines.append("floors:")
        for result in results {
            let p99 = result.floorP99.map { ", p99 " + format($0) + " " + result.unit.rawValue } ?? ""
            lines.append("  \(result.name): \(result.floorLabel)\(p99)")
        }
        return lines.joined(separator: "\n")
    }

    /// One JSON object: `{"binary", "results": [{id, name, unit, median, p99, floor, floor_p99, floor_label,
    /// ratio, samples, target, met}]}`.
    static func json(_ results: [BenchResult], binary: String) -> String {
        var rows: [JSONValue] = []
        for result in results {
            var row = JSONObject()
            row["id"] = .string(result.id)
            row["name"] = .string(result.name)
            row["unit"] = .string(result.unit.rawValue)
            row["median"] = number(result.median)
            row["p99"] = result.p99.map(number) ?? .null
            row["floor"] = result.floor.map(number) ?? .null
            row["floor_p99"] = result.floorP99.map(number) ?? .null
            row["floor_label"] = .string(result.floorLabel)
            row["ratio"] = result.ratio.map(number) ?? .null
            row["samples"] = .int(Int64(result.samples))
            row["target"] = .string(result.target.description(unit: result.unit))
            row["met"] = result.met.map(JSONValue.bool) ?? .null
            rows.append(.object(row))
        }
        let report: JSONValue = ["binary": .string(binary), "results": .array(rows)]
        return report.encoded()
    }

    private static func number(_ value: Double) -> JSONValue {
        .double((value * 10000).rounded() / 10000)
    }

    private static func format(_ value: Double) -> String {
        value >= 100 ? String(format: "%.1f", value) : String(format: "%.3f", value)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
