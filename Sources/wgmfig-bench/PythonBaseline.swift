import Foundation
import PhotonBlockade

/// Runs one of the Python baselines in Tests/oracles with $WGMFIG_BENCH_PYTHON (the private
/// venv `make bench` fills from PyPI), one BLAS thread, and returns its output.
enum PythonBaseline {
    /// Why a baseline could not run; printed in place of its numbers.
    struct Unavailable: Error, CustomStringConvertible {
        let description: String
        init(_ why: String) { description = why }
    }

    /// The script's standard output, or why there is none.
    static func output(_ script: String, _ arguments: [String]) -> Result<String, Unavailable> {
        guard let python = ProcessInfo.processInfo.environment["WGMFIG_BENCH_PYTHON"], !python.isEmpty else {
            return .failure(Unavailable("WGMFIG_BENCH_PYTHON is not set (run `make bench`)"))
        }
        guard FileManager.default.isExecutableFile(atPath: python) else {
            return .failure(Unavailable("python '\(python)' not found"))
        }
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/oracles/\(script)").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [path] + arguments
        var env = ProcessInfo.processInfo.environment
        for key in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"] { env[key] = "1" }
        env["PYTHONWARNINGS"] = "ignore"
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return .failure(Unavailable("cannot run \(python): \(error)")) }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(Unavailable("\(script) failed (exit \(process.terminationStatus))"))
        }
        return .success(String(decoding: data, as: UTF8.self))
    }

    /// The script's JSON object, or why there is none.
    static func json(_ script: String, _ arguments: [String]) -> Result<[String: Any], Unavailable> {
        output(script, arguments).flatMap { text in
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                return .failure(Unavailable("\(script) printed no JSON object"))
            }
            return .success(object)
        }
    }

    /// The model rates as the spb oracle scripts take them.
    static func rateArguments(cutoff: Int, _ r: ModelRates) -> [String] {
        ["--cutoff", "\(cutoff)", "--delta", "\(r.detuning)", "--jre", "\(r.coupling.re)", "--jim", "\(r.coupling.im)",
         "--gamma", "\(r.gamma)", "--chi", "\(r.kerr)", "--xi", "\(r.drive)"]
    }
}

/// Timing helpers shared by the bench lines.
enum BenchClock {
    /// Seconds in a `Duration`.
    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// The fastest of `count` runs of `body`, in seconds.
    static func best(of count: Int, _ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        var best = Double.infinity
        for _ in 0..<count { best = min(best, seconds(try clock.measure(body))) }
        return best
    }

    /// Mean seconds per call of `body` after a warm-up, repeated for at least `seconds` and 10 calls.
    static func mean(seconds budget: Double, _ body: () -> Void) -> (seconds: Double, count: Int) {
        body()
        let clock = ContinuousClock()
        let start = clock.now
        var count = 0
        while true {
            body(); count += 1
            let s = seconds(clock.now - start)
            if s >= budget && count >= 10 { return (s / Double(count), count) }
        }
    }
}
