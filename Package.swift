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
        .target(name: "CSystemShims"),
        .target(name: "SystemIO", dependencies: ["CSystemShims"], swiftSettings: strict),
        .target(name: "JSON", swiftSettings: strict),
        .target(name: "Catalog", dependencies: ["JSON", "CSystemShims"], swiftSettings: strict),
        .target(name: "Engine", dependencies: ["JSON", "Catalog", "SystemIO", "CCurlShims"], swiftSettings: strict),
        .target(name: "MCP", dependencies: ["JSON", "SystemIO"], swiftSettings: strict),
        .executableTarget(
            name: "switchyard", dependencies: ["JSON", "Catalog", "Engine", "MCP", "SystemIO"], swiftSettings: strict,
            // Release builds carry the Swift runtime and FoundationEssentials inside the binary:
            // fewer shared objects to map and relocate at start, less resident memory.
            linkerSettings: [
                .unsafeFlags(
                    ["-static-stdlib", "-l_FoundationCollections", "-l_FoundationCShims"],
                    .when(configuration: .release))
            ]),
        .executableTarget(
            name: "switchyard-bench", dependencies: ["LoopbackHTTP", "Catalog", "Engine", "JSON", "SystemIO"],
            swiftSettings: strict
        ),
        // A loopback HTTP/1.1 server with routes and reply modes: the vendor of the tests and the bench.
        .target(name: "LoopbackHTTP", swiftSettings: strict),
        .target(
            name: "TestSupport", dependencies: ["JSON", "LoopbackHTTP", "SystemIO"], path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "SystemIOTests", dependencies: ["SystemIO", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"], swiftSettings: strict),
        .testTarget(name: "JSONTests", dependencies: ["JSON"], swiftSettings: strict),
        .testTarget(
            name: "CatalogTests", dependencies: ["Catalog", "TestSupport"], exclude: ["Golden"],
            swiftSettings: strict),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "TestSupport", "SystemIO"], swiftSettings: strict),
        .testTarget(name: "MCPTests", dependencies: ["MCP", "TestSupport", "SystemIO"], swiftSettings: strict),
        .testTarget(
            name: "SwitchyardTests",
            dependencies: ["switchyard", "MCP", "Engine", "Catalog", "JSON", "SystemIO", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "ShippedIntegrationTests", dependencies: ["Catalog", "Engine", "TestSupport", "JSON", "SystemIO"],
            swiftSettings: strict),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["TestSupport", "JSON", "switchyard"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
