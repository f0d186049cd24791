// swift-tools-version:6.0
// A package of a physicist's own that builds on wgmfig's libraries by path (issue 13): it draws a
// figure from its own model sweep and re-renders a paper panel with one parameter changed, with the
// bundled `paper` style and no environment variable. `make test` builds and runs it.
import PackageDescription

let package = Package(
    name: "UsingTheLibrary",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "wgmfig", path: "../..")],
    targets: [
        .executableTarget(name: "UsingTheLibrary", dependencies: [
            .product(name: "Plot", package: "wgmfig"),
            .product(name: "PhotonBlockade", package: "wgmfig"),
            .product(name: "Figures", package: "wgmfig"),
        ]),
    ]
)
