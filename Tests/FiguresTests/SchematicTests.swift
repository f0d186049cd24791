import Foundation
import XCTest
@testable import Figures
import Plot

/// The schematic panels (issue 11): drawn from the parameter set, placed in the whole figures.
final class SchematicTests: XCTestCase {
    static let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-schematic-\(UUID().uuidString)")
    static let provider = DataProvider(cache: FigureCache(directory: directory.appendingPathComponent("cache")))
    override class func tearDown() { try? FileManager.default.removeItem(at: directory); super.tearDown() }

    /// Centroid (x, y) in pixels of the pixels within `tolerance` (per channel, 0–1) of `color`, and their count.
    private func centroid(_ image: RasterImage, of color: Color, tolerance: Double = 0.03) -> (x: Double, y: Double, count: Int) {
        var sx = 0.0, sy = 0.0, n = 0
        for y in 0..<image.height {
            for x in 0..<image.width {
                let c = image.color(x: x, y: y)
                guard abs(c.red - color.red) <= tolerance, abs(c.green - color.green) <= tolerance,
                      abs(c.blue - color.blue) <= tolerance else { continue }
                sx += Double(x); sy += Double(y); n += 1
            }
        }
        return (sx / Double(max(n, 1)), sy / Double(max(n, 1)), n)
    }

    /// Bounding-box centre of the pixels of `color` whose four neighbours have it too (the
    /// resonator disc: its rim's extremes; anti-aliased edges of other lines are left out).
    private func boxCentre(_ image: RasterImage, of color: Color) -> (x: Double, y: Double) {
        func matches(_ x: Int, _ y: Int) -> Bool {
            let c = image.color(x: x, y: y)
            return abs(c.red - color.red) < 0.01 && abs(c.green - color.green) < 0.01 && abs(c.blue - color.blue) < 0.01
        }
        var minX = Int.max, maxX = Int.min, minY = Int.max, maxY = Int.min
        for y in 1..<(image.height - 1) {
            for x in 1..<(image.width - 1) where matches(x, y) && matches(x - 1, y) && matches(x + 1, y) && matches(x, y - 1) && matches(x, y + 1) {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        return (Double(minX + maxX) / 2, Double(minY + maxY) / 2)
    }

    private func image(_ id: String, overrides: [String] = [], style: String = "paper") throws -> (RasterImage, Style) {
        let writer = FigureWriter(provider: Self.provider, quality: .draft,
                                  overrides: try overrides.map { try InputOverride(parsing: $0) })
        let style = try Style.named(style)
        return (try writer.assemble(id).figure.rasterize(style: style, dpi: 200), style)
    }

    func testTheParticleSitsAtTheRelativeAngleAskedFor() throws {
        // β read back from the pixels: the angle at the resonator's centre from the defect (red)
        // to the particle (orange), counter-clockwise on the page, against the value set.
        for beta in [Double.pi / 8, 0.9, 2.4, -0.6] {
            let (image, style) = try image("om-1b", overrides: ["beta_rad=\(beta)"])
            let particle = centroid(image, of: try style.resolve(.named("orange")))
            let defect = centroid(image, of: try style.resolve(.named("red")))
            XCTAssertGreaterThan(particle.count, 50, "particle drawn")
            XCTAssertGreaterThan(defect.count, 50, "defect drawn")
            let centre = boxCentre(image, of: try style.resolve(.named("lightgrey")))
            let angle = { (p: (x: Double, y: Double, count: Int)) in atan2(centre.y - p.y, p.x - centre.x) }
            var measured = angle(particle) - angle(defect)
            measured = remainder(measured - beta, 2 * .pi) + beta
            XCTAssertEqual(measured, beta, accuracy: 0.02, "β = \(beta)")
        }
    }

    func testWithoutTheParticleOnlyTheDefectIsDrawn() throws {
        let (image, style) = try image("om-1a")
        XCTAssertEqual(centroid(image, of: try style.resolve(.named("orange"))).count, 0)
        XCTAssertGreaterThan(centroid(image, of: try style.resolve(.named("red"))).count, 50)
    }

    func testTheTipMovesWithPhi() throws {
        // The tip's apex angle on the drawing is the scatterer's plus 2.5 rad/µm × φ (the table).
        let base = try Self.provider.data(for: try Catalog.panel("spb-1a"), quality: .draft).data.table()
        let moved = try FigureWriter(provider: Self.provider, quality: .draft, overrides: [try InputOverride(parsing: "phi_um=0.5")])
            .data(try Catalog.panel("spb-1a")).data.table()
        let apex = { (t: DataTable) in try t.numbers("angle_rad")[try t.labels("element").firstIndex(of: "tip_apex")!] }
        XCTAssertEqual(try apex(moved) - apex(base), 2.5 * (0.5 - 0.27), accuracy: 1e-12)
    }

    func testTheWholeFiguresCarryEveryPanelLetterInOrder() throws {
        let writer = FigureWriter(provider: Self.provider, quality: .draft)
        for (id, letters) in [("om-1", "abcd"), ("spb-1", "abc"), ("spb-3", "abcd")] {
            let labels = try writer.assemble(id).figure.panels.compactMap(\.axes.panelLabel)
            XCTAssertEqual(labels, letters.map { "(\($0))" }, id)
        }
    }

    func testTheRightLadderUsesTheDevicesKerrAndTheLeftTheUnconventionalOne() throws {
        let table = try Self.provider.data(for: try Catalog.panel("spb-3a"), quality: .draft).data.table()
        let ladders = try table.labels("ladder"), states = try table.labels("state"), energies = try table.numbers("E_over_gamma")
        let twoPhoton = { (side: String) in energies[states.indices.first { ladders[$0] == side && states[$0] == "|2,0⟩" }!] }
        // E(|2,0⟩) = 2χ (Eq. 2): 2 × 0.5 on the left; the paper's χ/γ ≈ 5.3 (Fig. 1 caption) on the right.
        XCTAssertEqual(twoPhoton("left"), 1.0, accuracy: 1e-12)
        XCTAssertEqual(twoPhoton("right") / 2, 5.3, accuracy: 0.3)
    }
}
