/// The figures of paper 000 (optomechanics): panels om-1a … om-5d and composites om-1 … om-5.
public enum OptomechanicsFigures {
    /// Every data panel, in paper order.
    public static let panels: [FigureSpec] = [
        Figure1Schematics.panelA, Figure1Schematics.panelB, Figure1.panelC, Figure1.panelD,
        Figure2.panelA, Figure2.panelB, Figure2.panelC, Figure2.panelD, Figure2.panelE, Figure2.panelF,
        Figure3.panelA, Figure3.panelB, Figure3.panelC, Figure3.panelD, Figure3.panelE, Figure3.panelF,
        Figure4.panelA, Figure4.panelB,
        Figure5.panelA, Figure5.panelB, Figure5.panelC, Figure5.panelD,
    ]

    /// Every whole figure, laid out like the paper.
    public static let composites: [CompositeSpec] = [
        CompositeSpec(id: "om-1", title: "Fig. 1: schematics without and with the nanoparticle; CW photon number versus detuning and ε or β",
                      panelIDs: ["om-1a", "om-1b", "om-1c", "om-1d"], rows: 2, columns: 2, height: .panelAspect(0.8)),
        CompositeSpec(id: "om-2", title: "Fig. 2: entanglement, transmission and coupling for the three cases and versus β",
                      panelIDs: ["om-2a", "om-2b", "om-2c", "om-2d", "om-2e", "om-2f"], rows: 3, columns: 2, height: .panelAspect(0.62)),
        CompositeSpec(id: "om-3", title: "Fig. 3: E_N,r, E_N,l and T versus β and Δ/Γ or ε/Γ",
                      panelIDs: ["om-3a", "om-3b", "om-3c", "om-3d", "om-3e", "om-3f"], rows: 3, columns: 2, height: .panelAspect(0.75)),
        CompositeSpec(id: "om-4", title: "Fig. 4: max E_N,r and min T versus β and η/ε",
                      panelIDs: ["om-4a", "om-4b"], rows: 1, columns: 2, height: .panelAspect(0.8)),
        CompositeSpec(id: "om-5", title: "Fig. 5: backscattering immunity with multiple random defects",
                      panelIDs: ["om-5a", "om-5b", "om-5c", "om-5d"], rows: 2, columns: 2, height: .panelAspect(0.62)),
    ]
}
