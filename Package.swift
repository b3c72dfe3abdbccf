// swift-tools-version:6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "Switchyard",
    products: [
        .executable(name: "switchyard", targets: ["switchyard"])
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "CCurlShims", dependencies: ["CCurl"]),
        .target(name: "JSON", swiftSettings: strict),
        .target(name: "Catalog", dependencies: ["JSON"], swiftSettings: strict),
        .target(name: "Engine", dependencies: ["JSON", "Catalog", "CCurlShims"], swiftSettings: strict),
        .target(name: "MCP", dependencies: ["JSON", "Catalog", "Engine"], swiftSettings: strict),
        .executableTarget(
            name: "switchyard", dependencies: ["JSON", "Catalog", "Engine", "MCP"], swiftSettings: strict,
            // Release builds carry the Swift runtime and FoundationEssentials inside the binary:
            // fewer shared objects to map and relocate at start, less resident memory.
            linkerSettings: [
                .unsafeFlags(
                    ["-static-stdlib", "-l_FoundationCollections", "-l_FoundationCShims"],
                    .when(configuration: .release))
            ]),
        .executableTarget(
            name: "switchyard-bench", dependencies: ["TestSupport", "Engine", "JSON"], swiftSettings: strict),
        .target(name: "TestSupport", dependencies: ["JSON"], path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "JSONTests", dependencies: ["JSON"], swiftSettings: strict),
        .testTarget(
            name: "CatalogTests", dependencies: ["Catalog", "TestSupport"], exclude: ["Golden"], swiftSettings: strict),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "MCPTests", dependencies: ["MCP", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "IntegrationTests", dependencies: ["Catalog", "Engine", "TestSupport", "JSON"], swiftSettings: strict),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["TestSupport", "JSON", "switchyard"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
