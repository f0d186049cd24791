import Foundation
import WGMNumerics
import Plot
import PhotonBlockade
import XCTest
@testable import Figures

/// One draft-quality data provider for all blockade tests, with a private temporary cache:
/// every panel is computed once per test process.
private enum Shared {
    static let directory: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-spb-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()
    static let provider = DataProvider(cache: FigureCache(directory: directory.appendingPathComponent("cache")))

    static func data(_ id: String) throws -> FigureData { try provider.data(for: try Catalog.panel(id), quality: .draft).data }
}

final class BlockadeFigureTests: XCTestCase {
    /// The documented columns of each panel's main CSV (the contract with the CLI's `export`).
    static let mainColumns: [String: [String]] = [
        "spb-1a": ["element", "x", "y", "angle_rad"],
        "spb-1b": ["series", "tau_gamma1", "g2"],
        "spb-1c": ["series", "Delta_over_gamma1", "N_cw"],
        "spb-2a": ["phi_um", "chi_over_gamma", "g2", "N_cw"],
        "spb-2b": ["series", "chi_over_gamma", "phi_um", "g2", "N_cw"],
        "spb-3a": ["ladder", "state", "x", "y", "E_over_gamma"],
        "spb-3b": ["phi_um", "r_um", "absJ2_over_gamma2"],
        "spb-3c": ["series", "phi_um", "P10", "P01"],
        "spb-3d": ["series", "phi_um", "r_um", "g2"],
        "spb-4a": ["phi_um", "r_um", "R", "g2"],
        "spb-4b": ["series", "J0_over_gamma1", "R", "g2"],
    ]

    func testTheCatalogHoldsEveryBlockadeIDInPaperOrder() {
        XCTAssertEqual(BlockadeFigures.panels.map(\.id), ["spb-1a", "spb-1b", "spb-1c", "spb-2a", "spb-2b", "spb-3a", "spb-3b", "spb-3c", "spb-3d", "spb-4a", "spb-4b"])
        XCTAssertEqual(BlockadeFigures.composites.map(\.id), ["spb-1", "spb-2", "spb-3", "spb-4"])
        XCTAssertEqual(BlockadeFigures.composites.map { $0.panels.map(\.id) },
                       [["spb-1a", "spb-1b", "spb-1c"], ["spb-2a", "spb-2b"], ["spb-3a", "spb-3b", "spb-3c", "spb-3d"], ["spb-4a", "spb-4b"]])
    }

    func testEveryIDRendersPNGPDFAndSVGWithSidecarsAtDraftQuality() throws {
        let out = Shared.directory.appendingPathComponent("render")
        let writer = FigureWriter(provider: Shared.provider, quality: .draft)
        let style = try Style.named("paper")
        for id in BlockadeFigures.panels.map(\.id) + BlockadeFigures.composites.map(\.id) {
            let files = try writer.render(id, style: style, styleName: "paper", formats: [.png, .pdf, .svg], dpi: 72, into: out)
            XCTAssertEqual(files.map(\.lastPathComponent), ["png", "pdf", "svg"].map { "\(id).\($0)" })
            for f in files {
                let size = try FileManager.default.attributesOfItem(atPath: f.path)[.size] as? Int ?? 0
                XCTAssertGreaterThan(size, 1000, f.lastPathComponent)
                XCTAssertTrue(FileManager.default.fileExists(atPath: f.path + ".json"), f.lastPathComponent)
            }
        }
    }

    func testMainCSVHasTheDocumentedColumnsAndEveryPanelRecordsItsTruncation() throws {
        let writer = FigureWriter(provider: Shared.provider, quality: .draft)
        let out = Shared.directory.appendingPathComponent("csv")
        for spec in BlockadeFigures.panels {
            let files = try writer.exportCSV(spec.id, into: out)
            let header = try String(contentsOf: files[0], encoding: .utf8).split(separator: "\n")[0]
            XCTAssertEqual(header.split(separator: ",").map(String.init), Self.mainColumns[spec.id], spec.id)
            // Schematics (spb-1a, spb-3a) solve no master equation: no truncation to record.
            guard !spec.grid(.final).isEmpty else { continue }
            let data = try Shared.data(spec.id)
            XCTAssertNotNil(data.metadata.first { $0.key == "cutoff" }, spec.id)
            // A note starting "Truncation:" appears only when the cutoff check exceeds 1e-3.
            XCTAssertFalse(data.notes.contains { $0.hasPrefix("Truncation:") }, "\(spec.id): \(data.notes)")
            XCTAssertFalse(data.notes.contains { $0.contains("did not converge") }, "\(spec.id): \(data.notes)")
        }
    }

    // MARK: Spot checks against the model evaluated directly

    func testSpb1cEqualsTheModelAtAGridPoint() throws {
        let t = try Shared.data("spb-1c").table().rows(where: "series", equals: "tip")
        let k = 13
        let delta = try t.numbers("Delta_over_gamma1")[k]
        let setup = BlockadeSetup(configuration: .tip(TipPosition(r: 0.35, phi: 0.27)), detuningOverGamma1: delta)
        let direct = try SteadyStateSolver(cutoff: BlockadeFigure1.photonNumberCutoff).solve(setup.rates()).observables.nCW
        XCTAssertEqual(try t.numbers("N_cw")[k], direct, accuracy: 1e-12 * direct)
    }

    func testSpb2bEqualsTheModelAtAGridPoint() throws {
        let t = try Shared.data("spb-2b").table().rows(where: "series", equals: "chi/gamma = 3")
        let k = 11
        let phi = try t.numbers("phi_um")[k]
        let setup = BlockadeSetup(configuration: .tip(TipPosition(r: 0.35, phi: phi)), kerrOverGamma: 3)
        let direct = try SteadyStateSolver(cutoff: BlockadeFigure2.cutoff).solve(setup.rates()).observables
        XCTAssertEqual(try t.numbers("g2")[k], direct.g2, accuracy: 1e-12 * direct.g2)
        XCTAssertEqual(try t.numbers("N_cw")[k], direct.nCW, accuracy: 1e-12 * direct.nCW)
    }

    func testSpb4aEqualsEq8FromTheModelAtAGridPoint() throws {
        let t = try Shared.data("spb-4a").table()
        let k = 21 * 9 + 6                       // row r index 9, column φ index 6 of the 21 × 21 draft map
        let (phi, r) = (try t.numbers("phi_um")[k], try t.numbers("r_um")[k])
        XCTAssertEqual(r, 0.8 * 9 / 20, accuracy: 1e-15)
        XCTAssertEqual(phi, 6.0 / 20, accuracy: 1e-15)
        let solver = try SteadyStateSolver(cutoff: BlockadeFigure4.cutoff)
        let device = try solver.solve(BlockadeSetup(configuration: .tip(TipPosition(r: r, phi: phi))).rates()).observables.g2
        let ideal = try solver.solve(BlockadeSetup(configuration: .ideal).rates()).observables.g2
        // Eq. 8 written out: R = max(0, (1 − g2_device)/(1 − g2_ideal)).
        XCTAssertEqual(try t.numbers("R")[k], max(0, (1 - device) / (1 - ideal)), accuracy: 1e-12)
    }

    // MARK: The paper's quoted numbers in the data

    func testSpb1bShowsThePapersZeroDelayCorrelations() throws {
        let data = try Shared.data("spb-1b")
        let curves = try data.table()
        func g2AtZero(_ series: String) throws -> Double {
            let rows = try curves.rows(where: "series", equals: series)
            XCTAssertEqual(try rows.numbers("tau_gamma1")[0], 0)
            return try rows.numbers("g2")[0]
        }
        // Paper, text after Fig. 1: ideal g2(0) ~ 0.009; tip at (0.35, 0.27) µm g2(0) ~ 0.012.
        XCTAssertEqual(try g2AtZero("ideal"), 0.009, accuracy: 0.0005)
        XCTAssertEqual(try g2AtZero("tip"), 0.012, accuracy: 0.0005)
        XCTAssertGreaterThan(try g2AtZero("no tip"), 1)                  // bunching without the tip
        // Paper: g3(0) ~ 3.6e-5 and g4(0) ~ 4.8e-8 with the tip (quoted to two digits).
        let zero = try data.table("zero_delay").rows(where: "series", equals: "tip")
        XCTAssertEqual(try zero.numbers("g3_0")[0], 3.6e-5, accuracy: 0.05e-5)
        XCTAssertEqual(try zero.numbers("g4_0")[0], 4.8e-8, accuracy: 0.15e-8)
        // g2(τ) tends to 1 for τγ1 = 10 (coherent drive, correlations decayed).
        let tip = try curves.rows(where: "series", equals: "tip").numbers("g2")
        XCTAssertEqual(tip.last!, 1, accuracy: 1e-3)
    }

    func testSpb4bShowsThePapersEfficiencies() throws {
        let t = try Shared.data("spb-4b").table()
        func efficiency(_ series: String, at j: Double) throws -> Double {
            let rows = try t.rows(where: "series", equals: series)
            let js = try rows.numbers("J0_over_gamma1")
            let k = try XCTUnwrap(js.firstIndex { abs($0 - j) < 1e-12 }, "J0/γ1 = \(j) is a draft grid point")
            return try rows.numbers("R")[k]
        }
        // Paper, text after Eq. 8: without the tip ℛ becomes 0 for J0/γ1 = 1.8; with the tip ℛ = 99.7%.
        XCTAssertEqual(try efficiency("without tip", at: 1.8), 0)
        XCTAssertEqual(try efficiency("with tip", at: 1.8), 0.997, accuracy: 0.0005)
        // Both devices are the ideal cavity at J0 = 0: ℛ = 1 exactly.
        XCTAssertEqual(try efficiency("without tip", at: 0), 1, accuracy: 1e-12)
        XCTAssertEqual(try efficiency("with tip", at: 0), 1, accuracy: 1e-12)
    }

    func testSpb4aPeaksAtTheZeroCouplingPosition() throws {
        let optimum = try Shared.data("spb-4a").table("optimum")
        // Paper: J = 0 at r = 0.35 µm, φ = 0.27 µm (l = 0) with ℛ = 99.7%; φ = 0.825 µm for l = 1 (PHYSICS.md).
        XCTAssertEqual(try optimum.numbers("r_um")[0], 0.35, accuracy: 0.005)
        XCTAssertEqual(try optimum.numbers("phi_um")[0], 0.27, accuracy: 0.005)
        XCTAssertEqual(try optimum.numbers("phi_um")[1], 0.825, accuracy: 0.0005)
        XCTAssertEqual(try optimum.numbers("R")[0], 0.997, accuracy: 0.0005)
        let map = try Shared.data("spb-4a").table().numbers("R")
        XCTAssertLessThanOrEqual(map.max()!, try optimum.numbers("R")[0] + 1e-3)
    }

    // MARK: Where the computation and the paper part ways

    func testMarkersAndCurvesDifferAtTheStatedDriveAndTheDifferenceIsNoted() throws {
        let t = try Shared.data("spb-3d").table()
        let me = try t.rows(where: "series", equals: "master equation"), eq7 = try t.rows(where: "series", equals: "Eq. 7")
        // φ = 0.27 µm, r = 0.16 µm is on both draft grids (41 and 11 points on [0, 0.8]).
        func value(_ rows: DataTable) throws -> Double {
            let p = try rows.numbers("phi_um"), r = try rows.numbers("r_um"), g = try rows.numbers("g2")
            return g[try XCTUnwrap(p.indices.first { p[$0] == 0.27 && abs(r[$0] - 0.16) < 1e-12 })]
        }
        let a = try value(me), b = try value(eq7)
        XCTAssertEqual(b, WeakDriveApproximation(try BlockadeSetup(configuration: .tip(TipPosition(r: 0.16, phi: 0.27))).rates()).g2, accuracy: 1e-12 * b)
        XCTAssertGreaterThan(abs(a - b) / a, 0.01)                      // not weak: they differ
        let spec = try Catalog.panel("spb-3d")
        XCTAssertTrue(spec.knownDifferences.contains(SPBKnownDifferences.strongDrive))
        XCTAssertTrue(try Shared.data("spb-3d").notes.contains { $0.hasPrefix("Eq. 7 differs from the master equation") })
    }

    func testTheUnconventionalBlockadeIsAbsentAtTheStatedDrive() throws {
        let claims = try Shared.data("spb-2a").table("claims")
        let phi = try claims.numbers("phi_um"), k = try claims.numbers("chi_over_gamma")
        let g2 = try claims.numbers("g2"), eq7 = try claims.numbers("g2_eq7")
        let i = try XCTUnwrap(phi.indices.first { phi[$0] == 0.21 && k[$0] == 0.5 })
        // PHYSICS.md: master equation g2(0) ≈ 0.85 at 4 fW, while Eq. 7 shows antibunching.
        XCTAssertEqual(g2[i], 0.85, accuracy: 0.02)
        XCTAssertLessThan(eq7[i], 0.1)
    }

    // MARK: The sweep helper and the whole-figure views

    func testTheCutoffCheckFlagsATooSmallTruncationAndFailedPointsBecomeNaN() throws {
        // χ/γ = 0.1 near J = 0: 3 Fock states per mode miss g2(0) by far more than 1e-3 (PHYSICS.md: g2 needs ~4–5).
        let weakKerr = try BlockadeSetup(configuration: .tip(TipPosition(r: 0.35, phi: 0.27)), kerrOverGamma: 0.1).rates()
        let sweep = CheckedSweep(cutoff: 3, checkStride: 1)
        let outcome = try sweep.run(ComputeContext(quality: .draft, inputs: InputValues(model: .spb)), rates: [weakKerr, nil]) { [$0.g2] }
        XCTAssertGreaterThan(outcome.worstChange, 1e-3)
        XCTAssertNil(outcome.observables[1])
        XCTAssertTrue(outcome.values(\.g2)[1].isNaN)
        let notes = sweep.report(outcome, watchedNames: "g2(0)").notes
        XCTAssertTrue(notes.contains { $0.hasPrefix("Truncation:") }, "\(notes)")
        XCTAssertTrue(notes.contains { $0.hasPrefix("1 of 2 points did not converge") }, "\(notes)")
    }

    func testTheWholeFigure2DrawsBothMapsAndBothCurveViewsLabelledOnce() throws {
        let assembled = try FigureWriter(provider: Shared.provider, quality: .draft).assemble("spb-2")
        XCTAssertEqual(assembled.figure.panels.count, 4)
        XCTAssertEqual(assembled.figure.panels.map(\.axes.panelLabel), ["(a)", nil, "(b)", nil])
        XCTAssertEqual(assembled.panels.map(\.spec.id), ["spb-2a", "spb-2b"])
        // The second map is N_cw: its colour bar is labelled N_cw.
        guard case .heatmap(let map) = assembled.figure.panels[1].axes.artists[0] else { return XCTFail("no heatmap") }
        XCTAssertEqual(map.colorbar?.label, SPBLabel.nCW)
        XCTAssertThrowsError(try Catalog.panel("spb-2a").axes(view: "nonsense", data: try Shared.data("spb-2a")))
    }

    func testAnalyticLegendsShowEachSeriesOwnMarker() throws {
        // spb-3c, spb-3d, spb-4b: open markers from a weak-drive formula beside master-equation
        // curves. Each marker shape drawn must appear on the legend line of its colour and in
        // the formula's entry, in the order the series are drawn.
        for id in ["spb-3c", "spb-3d", "spb-4b"] {
            let axes = try Catalog.panel(id).plot(try Shared.data(id))
            let drawn: [(Paint, Marker)] = axes.artists.compactMap {
                guard case .line(let l) = $0, !l.showsLine, let m = l.marker else { return nil }
                return (l.color, m)
            }
            XCTAssertGreaterThanOrEqual(Set(drawn.map(\.1.shape.rawValue)).count, 2, id)
            XCTAssertTrue(drawn.allSatisfy { !$0.1.filled }, "\(id): analytic markers are open")
            let entries = try XCTUnwrap(axes.legend, id).extraEntries
            let lineMarkers: [(Paint, Marker)] = entries.compactMap {
                guard case let .line(_, color, _, _, marker?) = $0 else { return nil }
                return (color, marker)
            }
            XCTAssertEqual(lineMarkers.map(\.0), drawn.map(\.0), id)
            XCTAssertEqual(lineMarkers.map(\.1), drawn.map(\.1), id)
            let formula = entries.compactMap { entry -> [LegendMarker]? in
                if case let .markers(label, samples) = entry, label.hasPrefix("Eq.") { return samples }
                return nil
            }
            XCTAssertEqual(formula.count, 1, id)
            XCTAssertEqual(formula.first?.map(\.marker), drawn.map(\.1), id)
        }
    }
}
