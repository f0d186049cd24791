import Foundation
import Optomechanics
import XCTest
@testable import Figures

/// The om panels' data against the model evaluated directly (as `wgmfig eval om` does) and
/// against the paper's claims (PHYSICS.md), at draft quality.
final class OptomechanicsClaimsTests: XCTestCase {
    override class func tearDown() { OMTestData.cleanUp(); super.tearDown() }

    let model = OptomechanicalModel.paper

    /// A deterministic pick of `count` row indices (SplitMix64, fixed seed).
    func sample(_ count: Int, of n: Int, seed: UInt64 = 7) -> [Int] {
        var rng = RandomDefects.SplitMix64(seed: seed)
        return (0..<count).map { _ in Int(rng.next() % UInt64(n)) }
    }

    /// Asserts a / b agree, NaN matching NaN (unstable on both sides).
    func assertSame(_ a: Double, _ b: Double?, accuracy: Double, _ message: String) {
        guard let b else { XCTAssertTrue(a.isNaN, "\(message): expected no value (unstable), got \(a)"); return }
        XCTAssertEqual(a, b, accuracy: accuracy, message)
    }

    // MARK: spot checks against the model

    func testOM2aRowsEqualTheModelAtThatPoint() throws {
        let t = try OMTestData.data("om-2a").table()
        let series = try t.labels("series"), deltas = try t.numbers("Delta_over_Gamma"), en = try t.numbers("EN_r")
        let cases = Dictionary(uniqueKeysWithValues: try OMSetup(InputValues(model: .om)).cases.map { ($0.series, $0) })
        for i in sample(25, of: t.rowCount) {
            let c = try XCTUnwrap(cases[series[i]])
            // Δ̃ = Δ + Δ_J with Δ_J = 0, ε, ε + η (PHYSICS.md).
            let shift = ["ideal": 0.0, "defect": 1.0, "immune": 2.0][series[i]]!
            let p = model.point(scatterers: c.scatterers, detuningOverGamma: deltas[i] + shift)
            assertSame(en[i], p.logNegativityCW, accuracy: 1e-13, "om-2a row \(i)")
        }
    }

    func testOM3aGridPointsEqualTheModelAtThatPoint() throws {
        let t = try OMTestData.data("om-3a").table()
        let betas = try t.numbers("beta_rad"), deltas = try t.numbers("Delta_over_Gamma"), en = try t.numbers("EN_r")
        let tilde = try t.numbers("Delta_tilde_over_Gamma")
        for i in sample(40, of: t.rowCount) {
            XCTAssertEqual(tilde[i], deltas[i] + 2, accuracy: 1e-15)   // Δ_J = ε + η = 2Γ
            let p = model.point(scatterers: .defectAndParticle(epsilon: 1, eta: 1, beta: betas[i]), detuningOverGamma: deltas[i] + 2)
            assertSame(en[i], p.logNegativityCW, accuracy: 1e-13, "om-3a row \(i)")
        }
    }

    func testOM4aGridPointsEqualADirectOptimisationAtThatPoint() throws {
        // The panel shares one optimisation among grid points of equal |J1|; each sampled point is
        // optimised here with its own coupling, as `wgmfig eval om --optimize` does.
        let t = try OMTestData.data("om-4a").table()
        let betas = try t.numbers("beta_rad"), etas = try t.numbers("eta_over_eps"), values = try t.numbers("EN_r_max")
        for i in sample(30, of: t.rowCount, seed: 11) {
            let c = model.coupling(.defectAndParticle(epsilon: 1, eta: etas[i], beta: betas[i]))
            let direct = model.detuningExtremes(coupling: c).logNegativityCW?.value
            assertSame(values[i], direct, accuracy: 1e-9, "om-4a row \(i) (β = \(betas[i]), η/ε = \(etas[i]))")
        }
    }

    func testOM4bGridPointsEqualADirectMinimumAtThatPoint() throws {
        let t = try OMTestData.data("om-4b").table()
        let betas = try t.numbers("beta_rad"), etas = try t.numbers("eta_over_eps"), values = try t.numbers("T_min")
        for i in sample(30, of: t.rowCount, seed: 13) {
            let c = model.coupling(.defectAndParticle(epsilon: 1, eta: etas[i], beta: betas[i]))
            XCTAssertEqual(values[i], model.detuningExtremes(coupling: c).transmission.value, accuracy: 1e-9, "om-4b row \(i)")
        }
    }

    // MARK: claims visible in the data

    func testOM2aImmuneCurveIsTheIdealCurveShiftedByDeltaJ() throws {
        // Paper: at β_Im, E_N,r(Δ̃) and T(Δ̃) equal the ideal curves; on the Δ axis shifted by Δ_J = 2Γ.
        for (id, column) in [("om-2a", "EN_r"), ("om-2c", "T"), ("om-2e", "G_r_over_omega_m")] {
            let t = try OMTestData.data(id).table()
            let ideal = try OMTables.series(t, "ideal", x: "Delta_over_Gamma", y: column)
            let immune = try OMTables.series(t, "immune", x: "Delta_over_Gamma", y: column)
            let step = ideal.x[1] - ideal.x[0], shift = Int((2 / step).rounded())
            XCTAssertEqual(Double(shift) * step, 2, accuracy: 1e-12, "the draft grid steps onto Δ + 2")
            var compared = 0
            for k in 0..<(ideal.x.count - shift) {
                // immune at Δ has Δ̃ = Δ + 2, the ideal's Δ̃ at grid index k + shift.
                let a = immune.y[k], b = ideal.y[k + shift]
                if a.isNaN || b.isNaN { XCTAssertEqual(a.isNaN, b.isNaN, "\(id) k = \(k)"); continue }
                XCTAssertEqual(a, b, accuracy: 1e-9, "\(id) at Δ = \(immune.x[k])")
                compared += 1
            }
            XCTAssertGreaterThan(compared, 10, id)
        }
    }

    func testOM2bRevivalRangesAreWhereJ1IsBelowEpsilon() throws {
        let data = try OMTestData.data("om-2b")
        let t = try data.table()
        let betas = try t.numbers("beta_rad"), j1 = try t.numbers("J1_over_Gamma"), en = try t.numbers("EN_r_max")
        let defect = try OMTables.level(data, "defect", column: "EN_r_max")
        // Pointwise: revival ⇔ |J1| < ε (PHYSICS.md), away from the boundary |J1| = ε itself.
        for k in betas.indices where abs(j1[k] - 1) > 1e-6 {
            XCTAssertEqual(en[k] > defect, j1[k] < 1, "β = \(betas[k]), |J1| = \(j1[k])")
        }
        // The ranges: |J1|² = 2 + 2cos 8β < 1 ⇔ β ∈ (π/12, π/6) + nπ/4 for ε = η = Γ.
        let revival = try data.table("revival")
        let lower = try revival.numbers("beta_lower_rad"), upper = try revival.numbers("beta_upper_rad")
        let expected = [(Double.pi / 12, Double.pi / 6), (Double.pi / 12 + Double.pi / 4, Double.pi / 6 + Double.pi / 4)]
        XCTAssertEqual(lower.count, expected.count)
        let step = betas[1] - betas[0]
        for (k, e) in expected.enumerated() where k < lower.count {
            XCTAssertEqual(lower[k], e.0, accuracy: step)
            XCTAssertEqual(upper[k], e.1, accuracy: step)
        }
        // At β_Im the maximum is the ideal one (immunity).
        let ideal = try OMTables.level(data, "ideal", column: "EN_r_max")
        let atImmune = try XCTUnwrap(betas.firstIndex { abs($0 - Double.pi / 8) < 1e-12 })
        XCTAssertEqual(en[atImmune], ideal, accuracy: 1e-6)
    }

    func testIdealLevelsMatchThePaper() throws {
        // Paper/PHYSICS.md: ideal E_N,r optimum 0.1597 at Δ̃ ≈ 0.85Γ (SciPy oracle 0.1597019 at
        // 0.84979Γ, OptomechanicsTests), and ideal T(0) = 0 (critical coupling).
        let b = try OMTestData.data("om-2b")
        XCTAssertEqual(try OMTables.level(b, "ideal", column: "EN_r_max"), 0.1597019, accuracy: 1e-6)
        XCTAssertEqual(try OMTables.level(try OMTestData.data("om-2d"), "ideal", column: "T_min"), 0, accuracy: 1e-9)
    }

    func testOM4RevivalOnlyWhereJ1IsBelowEpsilon() throws {
        for (id, column, beats) in [("om-4a", "EN_r_max", true), ("om-4b", "T_min", false)] {
            let data = try OMTestData.data(id)
            let t = try data.table()
            let j1 = try t.numbers("J1_over_Gamma"), values = try t.numbers(column)
            let level = try OMTables.level(data, "defect", column: column)
            var revived = 0
            for k in values.indices where values[k].isFinite && abs(j1[k] - 1) > 1e-6 {
                let better = beats ? values[k] > level : values[k] < level
                XCTAssertEqual(better, j1[k] < 1, "\(id) row \(k), |J1| = \(j1[k])")
                if better { revived += 1 }
            }
            XCTAssertGreaterThan(revived, 0, id)
        }
    }

    func testOM5CompensatedCurvesEqualTheIdealOnTheDeltaTildeAxis() throws {
        for (id, count) in [("om-5a", 2), ("om-5b", 3), ("om-5c", 2), ("om-5d", 3)] {
            let data = try OMTestData.data(id)
            let rows = try data.table().rows(where: "series", equals: "compensated")
            let tilde = try rows.numbers("Delta_tilde_over_Gamma"), deltas = try rows.numbers("Delta_over_Gamma")
            let column = id < "om-5c" ? "EN_r" : "T"
            let values = try rows.numbers(column)
            for (d, v) in zip(tilde, values) {
                let p = model.point(coupling: .none, detuningOverGamma: d)
                assertSame(v, column == "EN_r" ? p.logNegativityCW : p.transmission, accuracy: 1e-9, "\(id) at Δ̃ = \(d)")
            }
            // The drawn values are in the metadata and sum to 2Γ; Δ_J = Σε_j + ε′.
            let meta = Dictionary(uniqueKeysWithValues: data.metadata.map { ($0.key, $0.value) })
            let eps = try (1...count).map { try XCTUnwrap(Double(meta["eps_\($0)_over_Gamma"] ?? "")) }
            XCTAssertEqual(eps.reduce(0, +), 2, accuracy: 1e-12, id)
            XCTAssertNotNil(meta["beta_\(count)_rad"], id)
            XCTAssertNil(meta["eps_\(count + 1)_over_Gamma"], id)
            XCTAssertEqual(meta["seed"], "\(RandomDefects.figureSeed)")
            let epsPrime = try XCTUnwrap(Double(meta["eps_prime_over_Gamma"] ?? ""))
            let shift = try XCTUnwrap(Double(meta["Delta_J_over_Gamma_compensated"] ?? ""))
            XCTAssertEqual(shift, 2 + epsPrime, accuracy: 1e-12)
            // Every compensated row is evaluated at Δ̃ = Δ + Δ_J.
            for (d, dt) in zip(deltas, tilde) { XCTAssertEqual(dt - d, shift, accuracy: 1e-12, id) }
            XCTAssertLessThan(try XCTUnwrap(Double(meta["J1_compensated_over_Gamma"] ?? "")), 1e-12)
        }
    }

    func testMaskedCellsAreCountedInTheNotes() throws {
        let data = try OMTestData.data("om-3a")
        let masked = try data.table().nanCount("EN_r")
        XCTAssertGreaterThan(masked, 0, "ε = η = Γ has unstable points inside the sweep (PHYSICS.md)")
        XCTAssertTrue(data.notes.contains("\(masked) of \(try data.table().rowCount) grid points are dynamically unstable and masked."),
                      "\(data.notes)")
        // T is defined everywhere: nothing masked.
        XCTAssertEqual(try OMTestData.data("om-3e").table().nanCount("T"), 0)
    }

    func testOM1SplitModesAreAtPlusMinusJ1() throws {
        // Eigenfrequencies ω1,2 = ω_c − iΓ + ε + η ± |J1| (Sec. II): for om-1c (η = 0) at ±ε.
        let t = try OMTestData.data("om-1c").table("eigenfrequencies")
        for (e, (lo, hi)) in zip(try t.numbers("eps_over_Gamma"), zip(try t.numbers("Delta_tilde_lower_over_Gamma"), try t.numbers("Delta_tilde_upper_over_Gamma"))) {
            XCTAssertEqual(lo, -e, accuracy: 1e-12); XCTAssertEqual(hi, e, accuracy: 1e-12)
        }
        // N_r is normalised to the ideal at Δ̃ = 0: the (Δ̃ = 0, ε = 0) cell is exactly 1.
        let main = try OMTestData.data("om-1c").table()
        let field = try OMTables.field(main, x: "Delta_tilde_over_Gamma", y: "eps_over_Gamma", value: "N_r_over_N_r_ideal0")
        let ix = try XCTUnwrap(field.xs.firstIndex { abs($0) < 1e-12 })
        XCTAssertEqual(field.values[ix], 1, accuracy: 1e-12)
    }

    // MARK: helpers

    func testRevivalRangesInterpolateTheCrossings() {
        // y = 1 − x² above 0.75 on [−1, 1]: |x| < 0.5; linear interpolation on a 0.25 grid is exact at ±0.5.
        let xs = stride(from: -1.0, through: 1.0, by: 0.25).map { $0 }
        let r = OMLevels.ranges(xs, xs.map { 1 - $0 * $0 }, above: 0.75)
        XCTAssertEqual(r.count, 1)
        XCTAssertEqual(r[0].lowerBound, -0.5, accuracy: 1e-12)
        XCTAssertEqual(r[0].upperBound, 0.5, accuracy: 1e-12)
        XCTAssertEqual(OMLevels.ranges([0, 1, 2], [.nan, 5, 5], above: 1), [0.5...2])
    }

    func testGridTableRoundTripsAndRejectsNonGrids() throws {
        let t = try OMTables.grid(x: ("x", [0, 1, 2]), y: ("y", [10, 20]), values: [("v", [1, 2, 3, 4, 5, 6])])
        let f = try OMTables.field(t, x: "x", y: "y", value: "v")
        XCTAssertEqual(f.xs, [0, 1, 2]); XCTAssertEqual(f.ys, [10, 20]); XCTAssertEqual(f.values, [1, 2, 3, 4, 5, 6])
        let bad = try DataTable(columns: [DataColumn("x", [0, 1, 0]), DataColumn("y", [1, 1, 2]), DataColumn("v", [0, 0, 0])])
        XCTAssertThrowsError(try OMTables.field(bad, x: "x", y: "y", value: "v"))
    }

    func testMaskLabelGoesInsideALargeMaskedRegionOnly() {
        let n = 60, xs = (0..<n).map(Double.init)
        // A masked square in the upper half: the label lands inside it.
        let big = (0..<(n * n)).map { k -> Double in
            let (ix, iy) = (k % n, k / n)
            return (20..<50).contains(ix) && (30..<58).contains(iy) ? .nan : 1
        }
        let p = MaskAnnotation.position(GridField(xs: xs, ys: xs, values: big))
        XCTAssertNotNil(p)
        if let (x, y) = p {
            XCTAssertTrue((20.0 / 60...50.0 / 60).contains(x), "\(x)")
            XCTAssertTrue((30.0 / 60...58.0 / 60).contains(y), "\(y)")
        }
        // Scattered single masked cells hold no label.
        let sparse = (0..<(n * n)).map { $0 % 7 == 0 ? Double.nan : 1 }
        XCTAssertNil(MaskAnnotation.position(GridField(xs: xs, ys: xs, values: sparse)))
    }
}
