import Foundation
import Plot
import XCTest
@testable import Figures

/// Draft-quality data of the om panels, computed once for all om tests (a private cache dir).
enum OMTestData {
    static let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-omtests-\(UUID().uuidString)")
    static let provider = DataProvider(cache: FigureCache(directory: directory.appendingPathComponent("cache")))

    /// The panel's draft data.
    static func data(_ id: String) throws -> FigureData {
        try provider.data(for: try Catalog.panel(id), quality: .draft).data
    }

    /// Removes the temporary directory.
    static func cleanUp() { try? FileManager.default.removeItem(at: directory) }
}

final class OptomechanicsFiguresTests: XCTestCase {
    override class func tearDown() { OMTestData.cleanUp(); super.tearDown() }

    /// The ids of PHYSICS.md's om table, exactly (a contract).
    static let panelIDs = ["om-1a", "om-1b", "om-1c", "om-1d", "om-2a", "om-2b", "om-2c", "om-2d", "om-2e", "om-2f",
                           "om-3a", "om-3b", "om-3c", "om-3d", "om-3e", "om-3f", "om-4a", "om-4b",
                           "om-5a", "om-5b", "om-5c", "om-5d"]

    /// The main CSV columns each panel's summary documents.
    static let mainColumns: [String: [String]] = {
        let lines = { (q: String) in ["series", "Delta_over_Gamma", "Delta_tilde_over_Gamma", q, "stable"] }
        let detuningMap = { (q: String) in ["beta_rad", "Delta_over_Gamma", "Delta_tilde_over_Gamma", q] }
        let strengthMap = { (q: String) in ["beta_rad", "eps_over_Gamma", q] }
        return [
            "om-1a": ["element", "x", "y", "angle_rad"], "om-1b": ["element", "x", "y", "angle_rad"],
            "om-1c": ["Delta_tilde_over_Gamma", "eps_over_Gamma", "N_r_over_N_r_ideal0"],
            "om-1d": ["Delta_tilde_over_Gamma", "beta_rad", "N_r_over_N_r_ideal0"],
            "om-2a": lines("EN_r"), "om-2c": lines("T"), "om-2e": lines("G_r_over_omega_m"),
            "om-2b": ["beta_rad", "J1_over_Gamma", "EN_r_max", "Delta_tilde_at_EN_r_max_over_Gamma", "EN_l_max", "red_side_unstable_points"],
            "om-2d": ["beta_rad", "J1_over_Gamma", "T_min", "Delta_tilde_at_T_min_over_Gamma"],
            "om-2f": ["beta_rad", "J1_over_Gamma", "G_r_max_over_omega_m", "G_l_max_over_omega_m", "red_side_unstable_points"],
            "om-3a": detuningMap("EN_r"), "om-3c": detuningMap("EN_l"), "om-3e": detuningMap("T"),
            "om-3b": strengthMap("EN_r"), "om-3d": strengthMap("EN_l"), "om-3f": strengthMap("T"),
            "om-4a": ["beta_rad", "eta_over_eps", "J1_over_Gamma", "EN_r_max", "Delta_tilde_at_EN_r_max_over_Gamma", "red_side_unstable_points"],
            "om-4b": ["beta_rad", "eta_over_eps", "J1_over_Gamma", "T_min", "Delta_tilde_at_T_min_over_Gamma"],
            "om-5a": lines("EN_r"), "om-5b": lines("EN_r"), "om-5c": lines("T"), "om-5d": lines("T"),
        ]
    }()

    func testTheDefectOnlyContourOfOm4DoesNotRunAlongTheEtaZeroEdge() throws {
        // At η = 0 there is no particle: the whole bottom row equals the defect-only level the
        // contour is drawn at. No contour segment may lie on that row; the revival arches still
        // come down to it (each has two feet there).
        for id in ["om-4a", "om-4b"] {
            let axes = try Catalog.panel(id).plot(try OMTestData.data(id))
            let contours: [Contour] = axes.artists.compactMap { if case .contour(let c) = $0 { return c } else { return nil } }
            let contour = try XCTUnwrap(contours.first, id)
            let bottom = try XCTUnwrap(contour.y.first, id)
            XCTAssertEqual(bottom, 0, id)
            // "On the edge": within a millionth of a grid step of it (a level nudged off the
            // row would still draw the line there).
            let step = contour.y[1] - contour.y[0]
            func onEdge(_ p: Point) -> Bool { abs(p.y - bottom) < 1e-6 * step }
            let lines = contour.polylines()
            XCTAssertFalse(lines.isEmpty, id)
            for line in lines {
                for (a, b) in zip(line, line.dropFirst()) {
                    XCTAssertFalse(onEdge(a) && onEdge(b), "\(id): contour segment \(a)–\(b) on the η = 0 edge")
                }
            }
            let feet = lines.flatMap { [$0.first!, $0.last!] }.filter(onEdge)
            XCTAssertEqual(feet.count, 4, "\(id): the two revival arches meet η = 0 at \(feet)")
        }
    }

    func testCatalogHasExactlyTheContractIDsAndComposites() throws {
        XCTAssertEqual(OptomechanicsFigures.panels.map(\.id), Self.panelIDs)
        let composites = Dictionary(uniqueKeysWithValues: OptomechanicsFigures.composites.map { ($0.id, $0) })
        XCTAssertEqual(Set(composites.keys), ["om-1", "om-2", "om-3", "om-4", "om-5"])
        XCTAssertEqual(composites["om-1"]?.panels.map(\.id), ["om-1a", "om-1b", "om-1c", "om-1d"])
        XCTAssertEqual(composites["om-2"]?.panels.map(\.id), ["om-2a", "om-2b", "om-2c", "om-2d", "om-2e", "om-2f"])
        XCTAssertEqual(composites["om-2"].map { [$0.rows, $0.columns] }, [3, 2])
        XCTAssertEqual(composites["om-3"].map { [$0.rows, $0.columns] }, [3, 2])
        XCTAssertEqual(composites["om-4"]?.panels.map(\.id), ["om-4a", "om-4b"])
        XCTAssertEqual(composites["om-5"].map { [$0.rows, $0.columns] }, [2, 2])
        XCTAssertEqual(composites["om-5"]?.panels.map(\.id), ["om-5a", "om-5b", "om-5c", "om-5d"])
        // om-2d sits in row 1, column 1 (the paper's 3 × 2 layout, read row by row).
        XCTAssertTrue(composites["om-2"]?.panels.contains { $0.id == "om-2d" && $0.row == 1 && $0.column == 1 } ?? false)
    }

    func testEveryPanelsMainTableHasTheDocumentedColumnsAndItsSummaryNamesThem() throws {
        for spec in OptomechanicsFigures.panels {
            let expected = try XCTUnwrap(Self.mainColumns[spec.id], spec.id)
            let table = try OMTestData.data(spec.id).table()
            XCTAssertEqual(table.columnNames, expected, spec.id)
            XCTAssertGreaterThan(table.rowCount, 0, spec.id)
            XCTAssertTrue(spec.summary.contains("Columns: " + expected.joined(separator: ", ")), spec.id)
        }
    }

    func testGridsMatchTheDataAndFinalQualityMeetsTheResolution() throws {
        // Schematics (om-1a, om-1b) sweep nothing: no grid.
        for spec in OptomechanicsFigures.panels where !spec.grid(.final).isEmpty {
            let draft = spec.grid(.draft), final = spec.grid(.final)
            XCTAssertEqual(draft.map(\.name), final.map(\.name), spec.id)
            let points = draft.map(\.count).reduce(1, *)
            let table = try OMTestData.data(spec.id).table()
            // Line tables hold one row per point per series; heatmaps one row per grid point.
            XCTAssertEqual(table.rowCount % points, 0, spec.id)
            // FIGURE-STYLE/brief: ≥ 401 points on a line, 201 × 201 om heatmaps at final quality.
            if final.count == 1 { XCTAssertGreaterThanOrEqual(final[0].count, 401, spec.id) }
            else { XCTAssertEqual(final.map(\.count), [201, 201], spec.id) }
        }
    }

    func testEveryOMIDRendersInPNGPDFAndSVG() throws {
        let style = try Style.named("paper")
        let out = OMTestData.directory.appendingPathComponent("render")
        let writer = FigureWriter(provider: OMTestData.provider, quality: .draft)
        let ids = Self.panelIDs + OptomechanicsFigures.composites.map(\.id)
        for id in ids {
            let files = try writer.render(id, style: style, styleName: "paper", formats: [.png, .pdf, .svg], dpi: 72, into: out)
            XCTAssertEqual(files.map(\.pathExtension), ["png", "pdf", "svg"], id)
            for f in files {
                let size = try FileManager.default.attributesOfItem(atPath: f.path)[.size] as? Int ?? 0
                XCTAssertGreaterThan(size, 1000, f.lastPathComponent)
                XCTAssertTrue(FileManager.default.fileExists(atPath: f.path + ".json"), f.lastPathComponent)
            }
        }
    }

    func testCSVExportWritesTheExtraTables() throws {
        let out = OMTestData.directory.appendingPathComponent("csv")
        let writer = FigureWriter(provider: OMTestData.provider, quality: .draft)
        let names = try writer.exportCSV("om-2b", into: out).map(\.lastPathComponent)
        XCTAssertEqual(names, ["om-2b.csv", "om-2b-levels.csv", "om-2b-revival.csv"])
        let header = try String(contentsOf: out.appendingPathComponent("om-2b-revival.csv"), encoding: .utf8).split(separator: "\n").first
        XCTAssertEqual(header, "beta_lower_rad,beta_upper_rad")
    }

    func testEntanglementPanelsCarryTheKnownDifferencesAndTransmissionPanelsDoNot() throws {
        for id in ["om-2a", "om-2b", "om-3a", "om-3b", "om-3c", "om-3d", "om-4a", "om-5a", "om-5b"] {
            let notes = try Catalog.panel(id).knownDifferences.joined(separator: " ")
            XCTAssertTrue(notes.contains("Eq. 9"), id)
            XCTAssertTrue(notes.contains("(2n_m + 1)γ_m"), id)
        }
        for id in ["om-1c", "om-1d", "om-2d", "om-3f", "om-4b"] {
            XCTAssertFalse(try Catalog.panel(id).knownDifferences.joined().contains("Eq. 9"), id)
        }
    }

    /// Issue 11: the gaps of E_N,r (unstable points) carry a cue, a hatched strip per series
    /// covering exactly the grid points without a value, and an "unstable" legend entry.
    func testUnstableGapsInTheEntanglementLinesAreHatched() throws {
        for id in ["om-2a", "om-5a"] {
            let spec = try Catalog.panel(id)
            let data = try OMTestData.data(id)
            let axes = try spec.plot(data)
            let spans = axes.artists.compactMap { a -> Span? in if case .span(let s) = a, s.hatched { return s }; return nil }
            let lines = axes.artists.compactMap { a -> Line? in if case .line(let l) = a { return l }; return nil }
            XCTAssertFalse(spans.isEmpty, "\(id): no hatched strip")
            for span in spans {
                let line = try XCTUnwrap(lines.first { $0.color == span.color }, "\(id): a strip in no series' colour")
                var covered = 0
                for (x, y) in zip(line.x, line.y) {
                    let inside = span.ranges.contains { $0.contains(x) }
                    XCTAssertEqual(inside, !y.isFinite, "\(id) \(line.label ?? ""): Δ/Γ = \(x) value \(y)")
                    if inside { covered += 1 }
                }
                XCTAssertGreaterThan(covered, 0)
            }
            let gapSeries = lines.filter { $0.y.contains { !$0.isFinite } }.count
            XCTAssertEqual(spans.count, gapSeries, "\(id): one strip per series with a gap")
            XCTAssertTrue(axes.legend?.extraEntries.contains(.hatch(label: "unstable", color: .foreground)) ?? false)
        }
    }
}
