import ArgumentParser
import Foundation

/// `wgmfig serve`: runs the live explorer, the sibling executable `wgmfig-serve` (built on its own
/// so that `wgmfig` never links the HTTP server), with the same arguments.
struct ServeExplorer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Explore figures live in the browser: wgmfig serve [--port 8765] [--host 127.0.0.1] [--specs DIR].",
        discussion: "Runs wgmfig-serve next to this executable (build it with `swift build -c release --product wgmfig-serve` or `make serve`). `wgmfig-serve --help` lists its options.")

    @Argument(parsing: .allUnrecognized, help: "Options of wgmfig-serve: --port, --host, --specs.")
    var arguments: [String] = []

    static let buildCommand = "swift build -c release --product wgmfig-serve"

    func run() throws {
        let server = Self.sibling()
        guard FileManager.default.isExecutableFile(atPath: server) else {
            throw ServeError("\(server) is missing: build it with `\(Self.buildCommand)` (or run `make serve`)")
        }
        let argv = [server] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        execv(server, &cArgs)
        throw ServeError("cannot run \(server): \(String(cString: strerror(errno)))")
    }

    /// `wgmfig-serve` in the directory of the running executable.
    static func sibling() -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("wgmfig-serve").path
    }
}

/// `wgmfig serve` could not start the server, as one line.
struct ServeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
