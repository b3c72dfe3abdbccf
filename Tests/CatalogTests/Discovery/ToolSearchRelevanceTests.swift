import Catalog
import Testing

/// The discovery ranking measured on ``RelevanceSet`` over the shipped catalogue: Recall@5 at
/// least 95 % and mean reciprocal rank at least 0.8 (issue #14).
@Suite struct ToolSearchRelevanceTests {
    /// The shipped catalogue's index.
    static func shippedIndex() throws -> (index: ToolSearchIndex, catalog: Catalog) {
        let result = CatalogLoader(
            paths: [RepositoryPaths.integrations], environment: try GoldenToolTests.catalogueEnvironment()
        ).load()
        #expect(!result.hasErrors)
        return (ToolSearchIndex(catalog: result.catalog, cost: { _ in 1 }), result.catalog)
    }

    @Test("every task names a shipped tool, and every shipped tool and integration is covered")
    func coverage() throws {
        let (_, catalog) = try Self.shippedIndex()
        let names = Set(catalog.tools.map(\.name))
        let expected = Set(RelevanceSet.tasks.map(\.tool))
        #expect(RelevanceSet.tasks.count >= 150)
        #expect(expected.subtracting(names).isEmpty, "unknown tools: \(expected.subtracting(names).sorted())")
        #expect(names.subtracting(expected).isEmpty, "tools without a task: \(names.subtracting(expected).sorted())")
        #expect(
            Set(catalog.tools.map(\.integration))
                == Set(RelevanceSet.tasks.map { $0.tool.prefix { $0 != "_" } }.map(String.init)))
    }

    @Test("Recall@5 is at least 95 % and MRR at least 0.8 over the relevance set")
    func recallAndReciprocalRank() throws {
        let (index, _) = try Self.shippedIndex()
        var found = 0
        var reciprocal = 0.0
        var misses: [String] = []
        for task in RelevanceSet.tasks {
            let ranked = index.search(task.query, limit: 20).map(\.name)
            guard let rank = ranked.firstIndex(of: task.tool) else {
                misses.append("\(task.query) → \(task.tool) not in top 20 (got \(ranked.prefix(3)))")
                continue
            }
            reciprocal += 1 / Double(rank + 1)
            if rank < 5 {
                found += 1
            } else {
                misses.append("\(task.query) → \(task.tool) at rank \(rank + 1) (got \(ranked.prefix(3)))")
            }
        }
        let total = Double(RelevanceSet.tasks.count)
        let recall = Double(found) / total
        let mrr = reciprocal / total
        print("discovery relevance: \(RelevanceSet.tasks.count) tasks, Recall@5 \(recall), MRR \(mrr)")
        for miss in misses { print("  miss: \(miss)") }
        #expect(recall >= 0.95, "Recall@5 \(recall); misses: \(misses)")
        #expect(mrr >= 0.8, "MRR \(mrr)")
    }
}
