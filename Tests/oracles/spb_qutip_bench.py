"""Baseline for `make bench` (Sources/wgmfig-bench/PhotonBlockadeBench.swift): QuTiP 5's
`steadystate` on the photon-blockade Hamiltonian (Eq. 3, collapse operators √γ a1, √γ a2 of Eq. 4),
plus a 40-digit reference solve (spb_model.steady_state_reference) to judge the accuracy of both.

Usage: python spb_qutip_bench.py --cutoff 6 --delta D --jre JR --jim JI --gamma G --chi C --xi X [--seconds S]
Prints one JSON object on stdout.
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    for name in ("delta", "jre", "jim", "gamma", "chi", "xi"):
        ap.add_argument("--" + name, type=float, required=True)
    ap.add_argument("--cutoff", type=int, default=6)
    ap.add_argument("--seconds", type=float, default=3.0)
    a = ap.parse_args()
    out = {}
    from spb_model import hamiltonian, liouvillian, steady_state_reference, moments_mp
    n = a.cutoff
    J = complex(a.jre, a.jim)
    # Reference: sparse LU + 40-digit mpmath iterative refinement.
    L, H, a1, a2 = liouvillian(n, a.delta, J, a.gamma, a.chi, a.xi)
    rho = steady_state_reference(L, n * n)
    m = [float(v) for v in moments_mp(rho, n)]
    out["ref_g2"] = m[1] / m[0] ** 2
    out["ref_g4"] = m[3] / m[0] ** 4
    try:
        import numpy as np
        import qutip
    except ImportError as e:
        out["error"] = f"qutip unavailable: {e}"
        print(json.dumps(out))
        return
    dims = [[n, n], [n, n]]
    Hq = qutip.Qobj(H, dims=dims)
    c_ops = [qutip.Qobj(np.sqrt(a.gamma) * op, dims=dims) for op in (a1, a2)]
    A1 = qutip.Qobj(a1, dims=dims)
    num = [(A1.dag() ** k) * (A1 ** k) for k in (1, 2, 4)]
    rho_q = qutip.steadystate(Hq, c_ops)          # warm-up (imports, caches)
    count, start = 0, time.perf_counter()
    while True:
        rho_q = qutip.steadystate(Hq, c_ops)
        count += 1
        elapsed = time.perf_counter() - start
        if elapsed >= a.seconds and count >= 3:
            break
    e = [qutip.expect(op, rho_q) for op in num]
    out.update({"qutip_version": qutip.__version__, "seconds_per_solve": elapsed / count, "solves": count,
                "g2": e[1] / e[0] ** 2, "g4": e[2] / e[0] ** 4})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
