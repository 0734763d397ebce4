// swift-tools-version:6.1

import PackageDescription

/// One settings array for every Swift target: Swift 6 language mode plus the upcoming
/// features the house style asks for.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "copydesk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "copydesk", targets: ["copydesk"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-async-algorithms", from: "1.1.4"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C libraries, each through pkg-config, with typed shims for variadic functions.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CXXHash",
            providers: [.apt(["libxxhash-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        .systemLibrary(
            name: "CBrotli",
            pkgConfig: "libbrotlidec",
            providers: [.apt(["libbrotli-dev"])]
        ),
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),

        .target(
            name: "Fetch",
            dependencies: [
                "CCurl",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "LoopbackServer", swiftSettings: swiftSettings),
        // Test support: a throwaway PostgreSQL cluster per test process (tests only).
        .target(name: "PostgresTestSupport", dependencies: ["Pipeline"], swiftSettings: swiftSettings),
        .target(
            name: "Normalize",
            dependencies: [
                "CLibXML2",
                "CXXHash",
                "CZlib",
                "CDeflate",
                "CCrypto",
                "CBrotli",
                "CZstd",
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Pipeline",
            dependencies: [
                "Fetch",
                "Normalize",
                "CXXHash",
                "CLibPQ",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, for the dedupe index's posting lookups (SQLStatementRows).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "copydesk",
            dependencies: [
                "Pipeline",
                "Fetch",
                "Normalize",
                "CCurl",
                "CLibXML2",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "copydesk-demo",
            dependencies: ["LoopbackServer"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "copydesk-corpus-server", dependencies: ["LoopbackServer"], swiftSettings: swiftSettings),
        // Test tooling: starts the PostgreSQL cluster of a test run before the tests (`make test`).
        .executableTarget(name: "copydesk-test-postgres", dependencies: ["PostgresTestSupport"], swiftSettings: swiftSettings),
        // Code that exists only for benchmarks (bench/): not part of the shipped library or CLI.
        .target(name: "PipelineBenchmarks", dependencies: ["Pipeline"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "copydesk-bench",
            dependencies: [
                "PipelineBenchmarks", "Pipeline", "Fetch", "Normalize",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        .testTarget(
            name: "FetchTests",
            dependencies: ["Fetch", "LoopbackServer"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "NormalizeTests",
            // LoopbackServer for its child-process helpers only (ChildProcess.swift).
            dependencies: ["Normalize", "LoopbackServer"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: ["Pipeline", "PipelineBenchmarks", "Fetch", "Normalize", "LoopbackServer", "PostgresTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CopydeskCLITests",
            dependencies: ["Pipeline", "LoopbackServer", "PostgresTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
    ]
)

// Fuzz targets (docs/reliability.md, `make fuzz`): only when COPYDESK_FUZZ=1, because they are
// built with `-sanitize=fuzzer,address` into their own scratch path (.build-fuzz) and hand their
// entry point to libFuzzer's driver; a normal build never sees them.
if Context.environment["COPYDESK_FUZZ"] == "1" {
    package.targets += [
        .systemLibrary(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .executableTarget(
            name: "copydesk-fuzz",
            dependencies: ["CLibFuzzer", "Normalize", "Fetch", "Pipeline"],
            path: "Fuzz/CopydeskFuzz",
            swiftSettings: swiftSettings
        ),
    ]
}
