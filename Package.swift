// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "wgmfig",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "wgmfig", targets: ["wgmfig"]),
        .executable(name: "wgmfig-serve", targets: ["wgmfig-serve"]),
        .library(name: "Plot", targets: ["Plot"]),
        .library(name: "Optomechanics", targets: ["Optomechanics"]),
        .library(name: "PhotonBlockade", targets: ["PhotonBlockade"]),
        .library(name: "Figures", targets: ["Figures"]),
        .library(name: "ImageComparison", targets: ["ImageComparison"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // `wgmfig serve` only (its own product: `make figures` never builds NIO)
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        // `make docs`: the DocC plugin (a command plugin, never built by `make figures`)
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // C shims
        .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        .systemLibrary(name: "CLapack", path: "Sources/CLapack", pkgConfig: "lapacke",
                       providers: [.apt(["liblapacke-dev", "libopenblas-dev"])]),
        // Writing files atomically (temporary file + rename), shared by every module that writes
        .target(name: "FileOutput"),
        // Linear algebra and solvers (no physics). Not named `Numerics`: apple/swift-numerics, in the
        // package graph through Hummingbird's dependencies, has a target of that name, target names
        // must be unique across the graph, and module aliasing it failed now and then (CI, 2026-12-03).
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .target(name: "WGMNumerics", dependencies: ["CLapack", "CMalloc"]),
        // One module per paper (no plotting)
        .target(name: "Optomechanics", dependencies: ["WGMNumerics"]),
        .target(name: "PhotonBlockade", dependencies: ["WGMNumerics"]),
        // Declarative figures + Cairo backend (no physics)
        // Its style presets (Resources/styles/*.yaml) ship as a resource bundle: `Style.named("paper")`
        // works in any package that depends on this one, from any working directory.
        .target(name: "Plot", dependencies: ["CCairo", "FileOutput", .product(name: "Yams", package: "Yams")],
                resources: [.copy("Resources/styles")]),
        // Image comparison for visual regression (no physics, no plotting)
        .target(name: "ImageComparison", dependencies: ["CCairo", "FileOutput"]),
        // One file per paper figure: model -> sweep -> data -> plot
        .target(name: "Figures", dependencies: ["Plot", "Optomechanics", "PhotonBlockade", "WGMNumerics", "FileOutput", .product(name: "Yams", package: "Yams")]),
        // The command-line tool, thin on top
        .executableTarget(name: "wgmfig", dependencies: [
            "Figures", "Plot", "Optomechanics", "PhotonBlockade", "ImageComparison", "WGMNumerics", "FileOutput",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // `wgmfig serve`: the live explorer (routes, page, request checks), drawing through Figures
        .target(name: "Explorer", dependencies: [
            "Figures", "Plot", .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Yams", package: "Yams"), .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .executableTarget(name: "wgmfig-serve", dependencies: [
            "Explorer", "Figures", "Plot", "WGMNumerics", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // `make bench`: kernels timed side by side with reference implementations
        .executableTarget(name: "wgmfig-bench", dependencies: [
            "Optomechanics", "PhotonBlockade", "WGMNumerics", "CLapack", "Figures",
        ]),
        .testTarget(name: "FileOutputTests", dependencies: ["FileOutput"]),
        .testTarget(name: "WGMNumericsTests", dependencies: ["WGMNumerics"]),
        .testTarget(name: "OptomechanicsTests", dependencies: ["Optomechanics", "WGMNumerics"]),
        .testTarget(name: "PhotonBlockadeTests", dependencies: ["PhotonBlockade", "WGMNumerics"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot", "CCairo"]),
        .testTarget(name: "ImageComparisonTests", dependencies: ["ImageComparison", "CCairo"]),
        .testTarget(name: "CLITests", dependencies: ["wgmfig"]),
        // Adversarial probes of the built binary: exit code, one-line message, no file damaged
        .testTarget(name: "RobustnessTests", dependencies: ["wgmfig"]),
        .testTarget(name: "FiguresTests", dependencies: ["Figures", "Plot", "ImageComparison", "Optomechanics", "PhotonBlockade"]),
    ]
)
