// `make bench`: each kernel prints one line; reference implementations run in the same process
// run, side by side, and the ratio is printed.
print("wgmfig benchmarks (single core unless stated)")
OptomechanicsBench.run()
PhotonBlockadeBench.run()
SpecBench.run()
FiguresBench.run()
