import Foundation
import WGMNumerics
import XCTest
@testable import Figures

/// Sweep results do not depend on the thread count: every point is computed by the same
/// arithmetic (BLAS pinned to one thread inside the workers, results in index order).
final class DeterminismTests: XCTestCase {
    private func data(_ id: String, threads: Int) throws -> FigureData {
        let cache = FigureCache(directory: FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-det-\(UUID().uuidString)"))
        defer { try? FileManager.default.removeItem(at: cache.directory) }
        return try DataProvider(cache: cache, readCache: false, threads: threads).data(for: try Catalog.panel(id), quality: .draft).data
    }

    func testSpbAndOmSweepsAreBitIdenticalForOneAndTwoThreads() throws {
        for id in ["spb-2a", "spb-4a", "om-2a"] {
            let one = try data(id, threads: 1), two = try data(id, threads: 2)
            XCTAssertEqual(one.tables.map(\.columnNames), two.tables.map(\.columnNames), id)
            for (a, b) in zip(one.tables, two.tables) {
                for (ca, cb) in zip(a.columns, b.columns) {
                    guard case .numbers(let x) = ca.values, case .numbers(let y) = cb.values else { continue }
                    XCTAssertEqual(x.map(\.bitPattern), y.map(\.bitPattern), "\(id) \(a.name).\(ca.name)")
                }
            }
        }
        XCTAssertEqual(BLASThreads.current, 1, "sweeps pin OpenBLAS to one thread")
    }
}
