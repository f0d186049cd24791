@preconcurrency import Glibc
import Foundation
import WGMNumerics

// `make bench`: each kernel prints one line; reference implementations run in the same process
// run, side by side, and the ratio is printed. `wgmfig-bench NAME…` runs only the named groups.
let groups: [(name: String, run: () -> Void)] = [
    ("om", OptomechanicsBench.run), ("steadystate", PhotonBlockadeBench.run), ("g2", CorrelationBench.run),
    ("spec", SpecBench.run), ("figures", FiguresBench.run),
    ("serve", ServeBench.run),
]
let asked = Array(CommandLine.arguments.dropFirst())
if let bad = asked.first(where: { name in !groups.contains { $0.name == name } }) {
    FileHandle.standardError.write(Data("wgmfig-bench: unknown group '\(bad)' (allowed: \(groups.map(\.name).joined(separator: ", ")))\n".utf8))
    exit(2)
}
ProcessMemory.retainFreedBlocks()   // as the wgmfig executables do
setvbuf(stdout, nil, _IOLBF, 0)   // one line per result, even into a pipe or file

/// Flushes our buffered stdout before a child process writes to the same descriptor.
func fflushStandardOutput() { fflush(stdout) }
print("wgmfig benchmarks (single core unless stated)")
for group in groups where asked.isEmpty || asked.contains(group.name) { group.run() }
