import XCTest
@testable import Figures

final class DataLayerTests: XCTestCase {
    private func sampleTable() throws -> DataTable {
        var b = TidyTableBuilder(numericColumns: ["Delta_over_Gamma", "EN_r"])
        b.append("ideal", [-1.5, 0.25])
        b.append("defect, eps=1", [0.0, .nan])      // a label with a comma, an unstable point
        return try b.build()
    }

    func testCSVHasHeaderOneRowPerPointAndEmptyFieldForNaN() throws {
        let csv = CSV.text(try sampleTable())
        XCTAssertEqual(csv, "series,Delta_over_Gamma,EN_r\nideal,-1.5,0.25\n\"defect, eps=1\",0.0,\n")
    }

    func testCacheCodecRoundTripsTablesNotesAndMetadataExactly() throws {
        let data = FigureData(tables: [try sampleTable(), try DataTable(name: "levels", columns: [DataColumn("EN_r", [0.1, 1e-300])])],
                              notes: ["1 unstable point masked"], metadata: [(key: "seed", value: "42")])
        let identity = CacheCodec.Identity(panel: "om-2a", key: "k1")
        let blob = try CacheCodec.encode(data, computeSeconds: 1.25, identity: identity)
        let (back, seconds) = try CacheCodec.decode(blob, expecting: identity)
        XCTAssertEqual(back, data)
        XCTAssertEqual(seconds, 1.25)
        XCTAssertThrowsError(try CacheCodec.decode(blob.dropLast(3)))   // truncated entry is rejected
        // Another panel's (or key's) entry is rejected, naming whose it is.
        XCTAssertThrowsError(try CacheCodec.decode(blob, expecting: .init(panel: "om-5a", key: "k1"))) { e in
            XCTAssertTrue("\(e)".contains("om-2a"), "\(e)")
        }
        XCTAssertThrowsError(try CacheCodec.decode(blob, expecting: .init(panel: "om-2a", key: "k2")))
        // Every single flipped byte is caught (checksum), not drawn.
        for i in stride(from: 0, to: blob.count, by: 7) {
            var bad = blob
            bad[bad.startIndex + i] ^= 0x10
            XCTAssertThrowsError(try CacheCodec.decode(bad, expecting: identity), "byte \(i)")
        }
    }

    func testCacheKeyChangesWithEveryInputAndIsStable() {
        let p = [SpecParameter("eps_over_Gamma", 1.0)]
        let g = [GridAxis("Delta_over_Gamma", -3, 3, count: 401)]
        let k = FigureCache.key(id: "om-2a", parameters: p, grid: g, quality: .final, codeVersion: "v")
        XCTAssertEqual(k, FigureCache.key(id: "om-2a", parameters: p, grid: g, quality: .final, codeVersion: "v"))
        XCTAssertNotEqual(k, FigureCache.key(id: "om-2a", parameters: [SpecParameter("eps_over_Gamma", 1.1)], grid: g, quality: .final, codeVersion: "v"))
        XCTAssertNotEqual(k, FigureCache.key(id: "om-2a", parameters: p, grid: [GridAxis("Delta_over_Gamma", -3, 3, count: 402)], quality: .final, codeVersion: "v"))
        XCTAssertNotEqual(k, FigureCache.key(id: "om-2a", parameters: p, grid: g, quality: .draft, codeVersion: "v"))
        XCTAssertNotEqual(k, FigureCache.key(id: "om-2a", parameters: p, grid: g, quality: .final, codeVersion: "w"))
        XCTAssertEqual(k.count, 32)
    }

    func testGridAxisEndpointsAreExactAndLogSpacingIsGeometric() {
        let lin = GridAxis("x", -3, 3, count: 7).values
        XCTAssertEqual(lin, [-3, -2, -1, 0, 1, 2, 3])
        let lg = GridAxis("chi_over_gamma", 0.1, 10, count: 3, spacing: .log).values
        XCTAssertEqual(lg[0], 0.1); XCTAssertEqual(lg[1], 1, accuracy: 1e-14); XCTAssertEqual(lg[2], 10)
    }

    func testMismatchedColumnsAreRejectedWithTheirLengths() {
        XCTAssertThrowsError(try DataTable(columns: [DataColumn("a", [1, 2]), DataColumn("b", [1])])) { e in
            XCTAssertTrue("\(e)".contains("a=2"), "\(e)")
        }
    }
}
