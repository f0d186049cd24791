import ArgumentParser
import Explorer
import Figures
import Foundation
import Plot
import WGMNumerics

/// `wgmfig-serve` (also `wgmfig serve`): the live explorer on a local port.
@main
struct Serve: AsyncParsableCommand {
    /// Runs with the tool's exit codes: a usage error prints one line and exits 2, a failure 1.
    static func main() async {
        ProcessMemory.retainFreedBlocks()
        do {
            var command = try parseAsRoot()
            if let serve = command as? Serve { try await serve.run() } else { try command.run() }
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            let line = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            FileHandle.standardError.write(Data("Error: \(line)\n".utf8))
            Foundation.exit(code == .validationFailure ? 2 : 1)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "wgmfig serve",
        abstract: "Explore every panel, whole figure and spec file live in the browser; export what you see.",
        discussion: "Binds 127.0.0.1 unless --host says otherwise. Computes through the same cache as the CLI ($WGMFIG_CACHE_DIR). Stops cleanly on SIGINT or SIGTERM. Exit codes: 0 stopped, 1 failure, 2 usage error.")

    @Option(help: "TCP port (0: any free port; the one bound is printed).")
    var port: Int = 8765
    @Option(help: "Interface to listen on.")
    var host: String = "127.0.0.1"
    @Option(help: "Folder whose *.yaml spec files get pages too.")
    var specs: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is out of range: give an integer in [0, 65535]") }
        guard !host.isEmpty, host.count <= 253, !host.contains(where: \.isWhitespace) else { throw ValidationError("--host '\(host)' is not a host name or address") }
        if let specs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: specs, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--specs '\(specs)' is not a folder: give a folder of *.yaml spec files")
            }
        }
    }

    func run() async throws {
        var c = ExplorerConfiguration(cacheDirectory: FigureCache.defaultDirectory(environment: ProcessInfo.processInfo.environment))
        c.host = host
        c.port = port
        c.specsDirectory = specs.map { URL(fileURLWithPath: $0, isDirectory: true) }
        // The CLI's style lookup: $WGMFIG_STYLES_DIR, ./styles, then the bundled presets.
        let environment = ProcessInfo.processInfo.environment
        c.styleSearchPath = StyleSearchPath(directories: [environment["WGMFIG_STYLES_DIR"] ?? "", "styles"])
        let server = ExplorerServer(configuration: c)
        let host = self.host
        try await server.run { port in
            let shown = host.contains(":") ? "[\(host)]" : host
            FileHandle.standardOutput.write(Data("wgmfig serve: listening on http://\(shown):\(port)/\n".utf8))
        }
        FileHandle.standardOutput.write(Data("wgmfig serve: stopped\n".utf8))
    }
}
