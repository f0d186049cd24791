import Figures
import Foundation
import PhotonBlockade
import Plot

// usage: UsingTheLibrary OUTDIR
// Writes OUTDIR/g2-versus-detuning.pdf (a sweep of the blockade model drawn with Plot) and
// OUTDIR/om-2a.T_e_K=1.png (the paper's Fig. 2(a) at 1 K instead of 0.2 K, through Figures).
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 1, let outPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: UsingTheLibrary OUTDIR\n".utf8))
    exit(2)
}
let out = URL(fileURLWithPath: outPath, isDirectory: true)

do {
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    // The bundled preset: found with no styles/ folder and no WGMFIG_STYLES_DIR.
    let paper = try Style.named("paper")

    // 1. Our own question: g2(0) of the nanotip device against the laser detuning, from the
    //    master equation (Eq. 3, cutoff 5) and from the weak-drive formula (Eq. 7).
    let detunings = stride(from: -3.0, through: 3.0, by: 0.05).map { $0 }
    let solver = try SteadyStateSolver(cutoff: 5)
    var masterEquation: [Double] = [], weakDrive: [Double] = []
    for d in detunings {
        var setup = BlockadeSetup(configuration: .tip(TipPosition(r: 0.35, phi: 0.27)))
        setup.detuningOverGamma1 = d
        let rates = try setup.rates()
        masterEquation.append(try solver.solve(rates).observables.g2)
        weakDrive.append(WeakDriveApproximation(rates).g2)
    }
    let axes = Axes(x: Axis(label: "Δ/γ<sub>1</sub>"),
                    y: Axis(label: "<i>g</i><sup>(2)</sup>(0)", scale: .log),
                    artists: [.line(Line(x: detunings, y: masterEquation, label: "master equation")),
                              .line(Line(x: detunings, y: weakDrive, label: "Eq. 7", dash: .dashed))],
                    legend: Legend())
    var figure = Figure(axes: axes)
    figure.title = "g2(0) versus detuning, nanotip at r = 0.35 um, phi = 0.27 um"
    try figure.render(style: paper, format: .pdf).write(to: out.appendingPathComponent("g2-versus-detuning.pdf"))

    // 2. A paper panel with a changed parameter: om-2a at T_e = 1 K (draft quality), its data
    //    cached in OUTDIR/cache.
    let writer = FigureWriter(provider: DataProvider(cache: FigureCache(directory: out.appendingPathComponent("cache"))),
                              quality: .draft, overrides: [InputOverride(name: "T_e_K", text: "1")])
    let written = try writer.render("om-2a", style: paper, styleName: "paper", formats: [.png], dpi: 150, into: out)
    for url in [out.appendingPathComponent("g2-versus-detuning.pdf")] + written { print(url.path) }
} catch {
    FileHandle.standardError.write(Data("UsingTheLibrary: \(error)\n".utf8))
    exit(1)
}
