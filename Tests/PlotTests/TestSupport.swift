import Foundation
@testable import Plot
import XCTest

/// The repository's styles directory (tests run with any working directory).
let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
}()

/// The repository's style presets (bundled with Plot as resources).
let repositoryStyles = repositoryRoot.appendingPathComponent("Sources/Plot/Resources/styles")

/// A style from the repository's presets, read by path.
func repoStyle(_ name: String) throws -> Style {
    try Style.load(path: repositoryStyles.appendingPathComponent("\(name).yaml").path)
}

/// A scratch directory removed at the end of the test.
func scratchDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("plot-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// Runs a command, returning its standard output (nil when it cannot run).
func runTool(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = Pipe()
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
