import Foundation
import Plot
import XCTest
@testable import Figures

/// Counts how often a spec's computation runs (the cache tests' probe).
private final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func tick() { lock.lock(); n += 1; lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return n }
}

/// Collects warnings.
private final class WarningLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ line: String) { lock.lock(); stored.append(line); lock.unlock() }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return stored }
}

final class ProviderAndSidecarTests: XCTestCase {
    private var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    /// A synthetic spec: y = a·x² on a grid, `a` a parameter.
    private func spec(a: Double, counter: CallCounter) -> FigureSpec {
        FigureSpec(id: "test-1a", title: "parabola", summary: "y = a x²", model: .om, sweptInputs: [], parameters: [SpecParameter("a", a)],
                   grid: { q in [GridAxis("x", -1, 1, count: q.pick(final: 401, draft: 11))] },
                   compute: { ctx in
                       counter.tick()
                       let xs = GridAxis("x", -1, 1, count: ctx.quality.pick(final: 401, draft: 11)).values
                       let ys = ctx.map(xs.count) { a * xs[$0] * xs[$0] }
                       return FigureData(tables: [try DataTable(columns: [DataColumn("x", xs), DataColumn("y", ys)])],
                                         notes: ["computed"], metadata: [(key: "cutoff", value: "5")])
                   },
                   plot: { data in
                       let t = try data.table()
                       return Axes(artists: [.line(Line(x: try t.numbers("x"), y: try t.numbers("y")))])
                   })
    }

    func testCacheIsHitOnSecondRequestAndMissedAfterAParameterChange() throws {
        let counter = CallCounter()
        let cache = FigureCache(directory: tmp)
        let first = try DataProvider(cache: cache).data(for: spec(a: 2, counter: counter), quality: .draft)
        XCTAssertFalse(first.cacheHit)
        // A new provider (a new process, in effect) finds the cached data: no recomputation.
        let second = try DataProvider(cache: cache).data(for: spec(a: 2, counter: counter), quality: .draft)
        XCTAssertTrue(second.cacheHit)
        XCTAssertEqual(second.data, first.data)
        XCTAssertEqual(counter.count, 1)
        // A changed parameter is a different key: computed again.
        let third = try DataProvider(cache: cache).data(for: spec(a: 3, counter: counter), quality: .draft)
        XCTAssertFalse(third.cacheHit)
        XCTAssertEqual(counter.count, 2)
        // --no-cache recomputes even when cached.
        _ = try DataProvider(cache: cache, readCache: false).data(for: spec(a: 2, counter: counter), quality: .draft)
        XCTAssertEqual(counter.count, 3)
    }

    func testAnInvalidEntryIsOneWarningARecomputationAndAReplacement() throws {
        let counter = CallCounter()
        let cache = FigureCache(directory: tmp)
        let warnings = WarningLog()
        let provider = { DataProvider(cache: cache, warn: { warnings.append($0) }) }
        let clean = try provider().data(for: spec(a: 2, counter: counter), quality: .draft)
        _ = try provider().data(for: spec(a: 3, counter: counter), quality: .draft)
        XCTAssertEqual(counter.count, 2)
        // a = 3's entry copied over a = 2's: detected (another key), recomputed, replaced.
        let entries = try FileManager.default.contentsOfDirectory(at: tmp, includingPropertiesForKeys: nil)
        let target = try XCTUnwrap(entries.first { $0.lastPathComponent.contains(clean.cacheKey) })
        let other = try XCTUnwrap(entries.first { !$0.lastPathComponent.contains(clean.cacheKey) })
        try FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: other, to: target)
        let again = try provider().data(for: spec(a: 2, counter: counter), quality: .draft)
        XCTAssertFalse(again.cacheHit)
        XCTAssertEqual(again.data, clean.data)
        XCTAssertEqual(counter.count, 3)
        XCTAssertEqual(warnings.lines.count, 1)
        XCTAssertTrue(warnings.lines.first?.contains(target.path) == true, "\(warnings.lines)")
        let hit = try provider().data(for: spec(a: 2, counter: counter), quality: .draft)
        XCTAssertTrue(hit.cacheHit, "the entry was replaced")
        XCTAssertEqual(warnings.lines.count, 1)
    }

    func testSidecarHoldsParametersGridTruncationAndNotes() throws {
        let counter = CallCounter()
        let data = try DataProvider(cache: FigureCache(directory: tmp)).data(for: spec(a: 2, counter: counter), quality: .draft)
        let json = try Sidecar(id: "test-1a", title: "parabola", file: "test-1a.png", format: "png", style: "paper",
                               dpi: 300, panels: [data]).json()
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        XCTAssertEqual(object["id"] as? String, "test-1a")
        let panel = try XCTUnwrap((object["panels"] as? [[String: Any]])?.first)
        XCTAssertEqual((panel["parameters"] as? [String: String])?["a"], "2.0")
        XCTAssertEqual((panel["truncation"] as? [String: String])?["cutoff"], "5")
        XCTAssertEqual(panel["notes"] as? [String], ["computed"])
        XCTAssertEqual((panel["grid"] as? [[String: Any]])?.first?["count"] as? Int, 11)
        XCTAssertNotNil(object["tool_version"])
    }

    func testUnknownIDNamesTheClosestIDs() {
        XCTAssertThrowsError(try Catalog.entry("om-2z")) { e in
            guard case FigureError.unknownID(_, let suggestions) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(suggestions.contains("om-2a") || Catalog.ids.isEmpty, "\(suggestions)")
        }
        XCTAssertEqual(Suggestions.editDistance("om-2a", "om-3a"), 1)
        XCTAssertEqual(Suggestions.editDistance("", "abc"), 3)
    }

    func testPaperOrderSortsFiguresNumericallyAndCompositesAfterTheirPanels() {
        let ids = ["spb-1b", "om-10a", "om-2", "om-2b", "om-2a", "om-3a"]
        XCTAssertEqual(ids.sorted(by: Catalog.paperOrder), ["om-2a", "om-2b", "om-2", "om-3a", "om-10a", "spb-1b"])
    }
}
