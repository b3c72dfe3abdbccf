import Foundation
import JSON
import Testing

@testable import Catalog

/// The JSON Schema of the integration format stays in step with what the decoder accepts.
@Suite struct IntegrationSchemaTests {
    static func schema() throws -> JSONValue {
        try JSONValue(parsing: try Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.integrationSchema)))
    }

    static func keys(_ value: JSONValue?, _ path: String = "/properties") throws -> Set<String> {
        let pointer = try #require(JSONPointer(path))
        return Set(try #require(value?.value(at: pointer)?.objectValue).keys)
    }

    @Test("the schema is draft 2020-12 and refuses unknown keys except $ and x- ones")
    func header() throws {
        let schema = try Self.schema()
        #expect(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["additionalProperties"] == false)
        #expect(try Self.keys(schema, "/patternProperties") == ["^\\$", "^x-"])
        #expect(schema["required"] == ["name", "base_url", "resources"])
    }

    @Test("top-level, resource and operation keys are the decoder's")
    func keySets() throws {
        let schema = try Self.schema()
        let definitions = schema["$defs"]
        #expect(try Self.keys(schema) == IntegrationDecoder.topLevelKeys)
        #expect(try Self.keys(definitions?["resource"]) == IntegrationDecoder.resourceKeys)
        #expect(try Self.keys(definitions?["operation"]) == IntegrationDecoder.operationKeys)
        #expect(
            try Self.keys(definitions?["operation"], "/properties/annotations/properties")
                == IntegrationDecoder.annotationKeys)
    }

    @Test("parameter keys are the wire keys, required and the supported JSON Schema keywords, and nothing refused")
    func parameterKeys() throws {
        let definitions = try Self.schema()["$defs"]
        let parameter = try Self.keys(definitions?["parameter"])
        #expect(parameter == IntegrationDecoder.wireKeys.union(IntegrationDecoder.schemaKeywords).union(["required"]))
        #expect(parameter.isDisjoint(with: IntegrationDecoder.refusedKeywords))
        let nested = try Self.keys(definitions?["schema"], "/oneOf/1/properties")
        #expect(nested == IntegrationDecoder.schemaKeywords)
        #expect(try Self.keys(definitions?["parameter"], "/patternProperties") == ["^x-"])
    }

    @Test("the pagination styles and auth types are the decoder's")
    func enumerations() throws {
        let definitions = try Self.schema()["$defs"]
        let styles = definitions?["pagination"]?["properties"]?["style"]?["enum"]?.arrayValue?.compactMap(\.stringValue)
        #expect(styles == PaginationConfig.Style.allCases.map(\.rawValue))
        let kinds = definitions?["operation"]?["properties"]?["kind"]?["enum"]?.arrayValue?.compactMap(\.stringValue)
        #expect(kinds == OperationKind.allCases.map(\.rawValue))
        let auth = definitions?["auth"]?["properties"]?["type"]?["enum"]?.arrayValue?.compactMap(\.stringValue)
        #expect(auth == ["none", "bearer", "api_key", "basic", "oauth2"])
        let errorTypes = definitions?["errors"]?["properties"]?["type_from"]?["properties"]?["map"]?[
            "additionalProperties"]?["enum"]?.arrayValue?.compactMap(\.stringValue)
        #expect(Set(errorTypes ?? []) == IntegrationDecoder.errorTypes)
    }

    @Test("the shipped files point editors at the schema")
    func shippedFilesReferenceSchema() throws {
        let loader = CatalogLoader(paths: [RepositoryPaths.integrations], environment: [:])
        for file in loader.files().files {
            let document = try JSONValue(parsing: try Data(contentsOf: URL(fileURLWithPath: file)))
            #expect(document["$schema"] == "./schema/integration.schema.json", "\(file)")
        }
    }
}
