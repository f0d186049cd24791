import Foundation
import Optomechanics
import PhotonBlockade
import XCTest
@testable import Figures

/// One spec language behind built-in panels and YAML files: parameter sets, overrides, the sweep
/// engine and spec files.
final class SpecLanguageTests: XCTestCase {
    static let specs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("specs")
    let provider = DataProvider(cache: FigureCache(directory: FileManager.default.temporaryDirectory
        .appendingPathComponent("wgmfig-spec-tests-\(UUID().uuidString)")), readCache: false)

    // MARK: parameter sets

    /// The paper's parameter sets reproduce the models' paper values exactly (no second copy of a constant).
    func testPaperDefaultsAreThePapersParameters() throws {
        XCTAssertEqual(OMInputs.parameters(InputValues(model: .om)), OptomechanicalParameters.paper)
        let spb = InputValues(model: .spb)
        XCTAssertEqual(SPBInputs.resonator(spb), ResonatorParameters.paper)
        XCTAssertEqual(SPBInputs.tip(spb), TipParameters.paper)
        // β_Im = π/(2m) follows m (the paper: π/8 at m = 4).
        XCTAssertEqual(InputValues(model: .om).value("beta_rad"), Double.pi / 8)
        XCTAssertEqual(try InputValues(model: .om).setting("m", 6).value("beta_rad"), Double.pi / 12)
        // Δ̃ = Δ + Δ_J with Δ_J = ε + η.
        XCTAssertEqual(try InputValues(model: .om).setting("Delta_over_Gamma", 0.5).value("Delta_tilde_over_Gamma"), 2.5)
    }

    /// Every input's paper value is allowed by its own range, and every name is unique.
    func testRegistriesAreConsistent() throws {
        for model in ModelID.allCases {
            let r = ModelRegistry.of(model)
            XCTAssertEqual(Set(r.inputs.map(\.name)).count, r.inputs.count)
            XCTAssertEqual(Set(r.outputs.map(\.name)).count, r.outputs.count)
            for i in r.inputs { XCTAssertNoThrow(try i.checked(i.paperValue), "\(model) \(i.name)") }
        }
    }

    /// Unknown names, swept inputs, values out of range, NaN and non-numbers are rejected naming the value.
    func testBadOverridesAreRejected() throws {
        let spec = try Catalog.panel("om-2a")
        let cases: [(String, String, String)] = [("nope", "1", "unknown om input 'nope'"), ("Delta_over_Gamma", "1", "swept"),
                                                 ("T_e_K", "-1", "[1e-06, 10000]"), ("T_e_K", "nan", "'nan'"), ("m", "2.5", "integer"),
                                                 ("P_W", "ten", "'ten'")]
        for (name, value, expected) in cases {
            XCTAssertThrowsError(try spec.inputs(overrides: [InputOverride(name: name, text: value)]), name) { e in
                XCTAssertTrue("\(e)".contains(expected), "\(e)")
                XCTAssertFalse("\(e)".contains("\n"))
            }
        }
        XCTAssertThrowsError(try InputOverride(parsing: "T_e_K"))
    }

    // MARK: overrides recompute

    /// om-2a at T_e = 1 K: less entanglement than at 200 mK, and each point is the model's at 1 K
    /// (an independent evaluation through `OptomechanicalModel`).
    func testTemperatureOverrideRecomputesOM2a() throws {
        let spec = try Catalog.panel("om-2a")
        let paper = try provider.data(for: spec, quality: .draft).data.table()
        let warm = try provider.data(for: spec, quality: .draft, overrides: [InputOverride(name: "T_e_K", text: "1")])
        let table = try warm.data.table()
        let hot = try table.numbers("EN_r").filter(\.isFinite).max()!, cold = try paper.numbers("EN_r").filter(\.isFinite).max()!
        XCTAssertLessThan(hot, 0.8 * cold)
        var p = OptomechanicalParameters.paper
        p.temperature = 1
        let model = try OptomechanicalModel(parameters: p)
        let tildes = try table.numbers("Delta_tilde_over_Gamma"), series = try table.labels("series")
        let k = series.indices.first { series[$0] == "immune" && tildes[$0] > 0.8 }!
        let expected = model.point(coupling: model.coupling(.defectAndParticle(epsilon: 1, eta: 1, beta: Double.pi / 8)),
                                   detuningOverGamma: tildes[k]).logNegativityCW
        XCTAssertEqual(try table.numbers("EN_r")[k], expected)
        XCTAssertTrue(warm.notes.first?.contains("T_e_K = 1") == true, "\(warm.notes)")
        XCTAssertNotEqual(warm.cacheKey, try provider.data(for: spec, quality: .draft).cacheKey)
    }

    // MARK: one spec language

    /// A YAML spec reproducing a built-in panel builds the same sweep and gives byte-identical CSV.
    func testYAMLSpecsReproduceBuiltInPanelsByteForByte() throws {
        for (file, id) in [("om-3a.yaml", "om-3a"), ("om-2c.yaml", "om-2c")] {
            let entry = try SpecFile.load(path: Self.specs.appendingPathComponent(file).path).entry
            guard case .panel(let yaml) = entry else { return XCTFail("\(file) is one panel") }
            let builtIn = try Catalog.panel(id)
            XCTAssertEqual(yaml.sweep, builtIn.sweep, file)
            let a = CSV.text(try provider.data(for: yaml, quality: .final).data.table())
            let b = CSV.text(try provider.data(for: builtIn, quality: .final).data.table())
            XCTAssertGreaterThan(a.count, 10_000, file)
            XCTAssertEqual(a, b, file)
        }
    }

    /// Spec-file errors name the file, the line and the key.
    func testSpecFileErrorsNameFileLineAndKey() throws {
        let bad: [(String, String)] = [
            ("model: om\nsweep:\n  - input: beta_rad\n    range: [0, 1]\noutputs: [EN_r]\ncolour: red\n", "x.yaml:6: colour: unknown key"),
            ("model: om\nsweep:\n  - input: beta\n    range: [0, 1]\noutputs: [EN_r]\n", "x.yaml:3: sweep[0].input"),
            ("model: om\nsweep:\n  - input: beta_rad\n    range: [0, 1]\noutputs: [EN_x]\n", "x.yaml:5: outputs"),
            ("model: qed\nsweep: []\noutputs: [EN_r]\n", "x.yaml:1: model"),
            ("model: om\ninputs: {T_e_K: hot}\nsweep:\n  - input: beta_rad\n    range: [0, 1]\noutputs: [EN_r]\n", "x.yaml:2: inputs.T_e_K"),
            ("model: om\nsweep:\n  - input: beta_rad\n    range: [0, 1]\n    count: many\noutputs: [EN_r]\n", "x.yaml:5: sweep[0].count"),
        ]
        for (text, expected) in bad {
            XCTAssertThrowsError(try SpecFile.parse(text, file: "x.yaml", defaultID: "x")) { e in
                XCTAssertTrue("\(e)".hasPrefix(expected), "\(e)")
            }
        }
    }

    /// π multiples parse exactly.
    func testPiExpressions() {
        XCTAssertEqual(SpecReader.number("pi/2"), Double.pi / 2)
        XCTAssertEqual(SpecReader.number("3*pi/8"), 3 * Double.pi / 8)
        XCTAssertEqual(SpecReader.number("-pi"), -Double.pi)
        XCTAssertNil(SpecReader.number("pie"))
    }
}

/// The repository's physics reference names every input and output of both registries.
final class PhysicsReferenceTests: XCTestCase {
    func testDocsNameEveryInputAndOutput() throws {
        let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/physics.md")
        let text = try String(contentsOf: doc, encoding: .utf8)
        for model in ModelID.allCases {
            let r = ModelRegistry.of(model)
            for name in r.inputs.map(\.name) + r.outputs.map(\.name) {
                XCTAssertTrue(text.contains("`\(name)`"), "docs/physics.md does not describe \(model.rawValue) \(name)")
            }
        }
    }
}
