// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "companion",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "companion", targets: ["companion"]),
        .executable(name: "bench-bare-route", targets: ["bench-bare-route"]),
        .executable(name: "bench-rush", targets: ["bench-rush"]),
        .executable(name: "bench-speech", targets: ["bench-speech"]),
        .executable(name: "bench-dialogue", targets: ["bench-dialogue"]),
        .executable(name: "bench-drafting", targets: ["bench-drafting"]),
        .executable(name: "bench-stream", targets: ["bench-stream"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.29.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.20.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.32.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.20.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client.git", from: "1.0.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "companion",
            dependencies: [
                "CompanionAPI", "Storage", "Accounts", "Scheduling", "Speech", "Simulator", "ModelRuntime", "Records", "Dialogue", "Clinical",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "bench-rush",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Benchmarks/bench-rush",
            swiftSettings: strict
        ),
        .executableTarget(name: "bench-speech", dependencies: ["Speech"], path: "Benchmarks/bench-speech", swiftSettings: strict),
        .executableTarget(name: "bench-dialogue", dependencies: ["Dialogue", "Clinical"], path: "Benchmarks/bench-dialogue", swiftSettings: strict),
        .executableTarget(name: "bench-drafting", dependencies: ["ModelRuntime"], path: "Benchmarks/bench-drafting", swiftSettings: strict),
        .executableTarget(name: "bench-stream", dependencies: ["Simulator"], path: "Benchmarks/bench-stream", swiftSettings: strict),
        .executableTarget(
            name: "bench-bare-route",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Benchmarks/bench-bare-route",
            swiftSettings: strict
        ),
        .target(
            name: "CompanionAPI",
            dependencies: [
                "Storage", "Accounts", "Scheduling", "Speech", "Dialogue", "Records", "ModelRuntime", "Clinical", "Wording",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdHTTP2", package: "hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("openapi.yaml"), .copy("Wording/consent-purposes.jsonl")],
            swiftSettings: strict,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .target(
            name: "Accounts",
            dependencies: [
                "Storage", "Wording",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .systemLibrary(name: "CEspeakNG", pkgConfig: "espeak-ng", providers: [.apt(["libespeak-ng-dev"])]),
        .systemLibrary(name: "CLame", pkgConfig: "lame", providers: [.apt(["libmp3lame-dev"])]),
        .systemLibrary(name: "COpusEnc", pkgConfig: "libopusenc", providers: [.apt(["libopusenc-dev"])]),
        .target(
            name: "Speech",
            dependencies: [
                "CEspeakNG", "CLame", "COpusEnc",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "Simulator",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .target(
            name: "Clinical",
            resources: [.copy("Knowledge")],
            swiftSettings: strict
        ),
        .target(
            name: "Wording",
            resources: [.copy("Messages")],
            swiftSettings: strict
        ),
        .target(
            name: "Dialogue",
            dependencies: [
                "Storage", "ModelRuntime", "Clinical", "Wording",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            resources: [
                .copy("Knowledge/general-faq.json"), .copy("Knowledge/conversation-words.jsonl"), .copy("Knowledge/understanding-prompt.json"),
                .copy("Knowledge/answer-prompt.json"), .copy("Knowledge/reply-rails.json"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "Records",
            dependencies: [
                "Storage", "ModelRuntime",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ModelRuntime",
            dependencies: [
                "Clinical",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "Scheduling",
            dependencies: ["Storage", "Clinical", "Wording"],
            resources: [.copy("DemoHospital"), .copy("Wording/preparation.jsonl"), .copy("HospitalImport/place-kinds.json")],
            swiftSettings: strict
        ),
        .target(
            name: "Storage",
            dependencies: [
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "CompanionTestSupport",
            dependencies: [
                "Storage", .product(name: "SQLKit", package: "sql-kit"), .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/Support",
            swiftSettings: strict
        ),
        .testTarget(name: "SpeechTests", dependencies: ["Speech"], swiftSettings: strict),
        .testTarget(
            name: "ModelRuntimeTests",
            dependencies: [
                "ModelRuntime", "CompanionTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DialogueTests",
            dependencies: [
                "Dialogue", "Clinical", "Storage", "Scheduling", "Wording", "ModelRuntime", "CompanionTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict),
        .testTarget(name: "ClinicalTests", dependencies: ["Clinical"], swiftSettings: strict),
        .testTarget(name: "WordingTests", dependencies: ["Wording"], swiftSettings: strict),
        .testTarget(
            name: "StorageTests", dependencies: ["Storage", "CompanionTestSupport", .product(name: "SQLKit", package: "sql-kit")],
            swiftSettings: strict),
        .testTarget(
            name: "AccountsTests", dependencies: ["Accounts", "Storage", "CompanionTestSupport", .product(name: "SQLKit", package: "sql-kit")],
            swiftSettings: strict),
        .testTarget(
            name: "SchedulingTests",
            dependencies: ["Scheduling", "Accounts", "Storage", "Wording", "CompanionTestSupport", .product(name: "SQLKit", package: "sql-kit")],
            swiftSettings: strict),
        .testTarget(
            name: "CompanionAPITests",
            dependencies: [
                "CompanionAPI", "Storage", "Accounts", "Scheduling", "Speech", "Dialogue", "Simulator", "CompanionTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
    ]
)
