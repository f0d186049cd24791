"""Baseline for `make bench` (Sources/wgmfig-bench/PhotonBlockadeBench.swift): QuTiP 5's
`steadystate` on the photon-blockade Hamiltonian (Eq. 3, collapse operators sqrt(gamma) a1,
sqrt(gamma) a2 of Eq. 4), with the operators stored as QuTiP users build them (sparse CSR, QuTiP's
default for `destroy`/`tensor`) and, for small cutoffs, as dense arrays; plus a 40-digit reference
solve (spb_model.steady_state_reference) to judge the accuracy of every result.

QuTiP 5's default `steadystate` method is "direct": one linear solve of the Liouvillian with the
trace condition, by scipy's sparse LU for CSR data and by numpy's dense solve for dense data.

Usage: python spb_qutip_bench.py --cutoff 6 --delta D --jre JR --jim JI --gamma G --chi C --xi X
                                 [--seconds S] [--min-solves K] [--storage csr,dense]
Prints one JSON object on stdout: ref_g2, ref_g4, qutip_version and, per storage,
{seconds_per_solve, solves, g2, g4} or {error}.
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def timed_solves(solve, seconds, minimum):
    """Mean seconds per call of solve() (after one warm-up), at least `minimum` calls and `seconds`."""
    result = solve()
    count, start = 0, time.perf_counter()
    while True:
        result = solve()
        count += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds and count >= minimum:
            return result, elapsed / count, count


def main():
    ap = argparse.ArgumentParser()
    for name in ("delta", "jre", "jim", "gamma", "chi", "xi"):
        ap.add_argument("--" + name, type=float, required=True)
    ap.add_argument("--cutoff", type=int, default=6)
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--min-solves", type=int, default=3)
    ap.add_argument("--storage", default="csr,dense")
    a = ap.parse_args()
    out = {}
    from spb_model import liouvillian, steady_state_reference, moments_mp
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
    out["qutip_version"] = qutip.__version__
    out["qutip"] = {}
    dims = [[n, n], [n, n]]
    for storage in a.storage.split(","):
        try:
            def q(op):
                return qutip.Qobj(op, dims=dims).to(storage)
            Hq = q(H)
            c_ops = [q(np.sqrt(a.gamma) * op) for op in (a1, a2)]
            A1 = q(a1)
            num = [(A1.dag() ** k) * (A1 ** k) for k in (1, 2, 4)]
            rho_q, per, count = timed_solves(lambda: qutip.steadystate(Hq, c_ops), a.seconds, a.min_solves)
            e = [qutip.expect(op, rho_q) for op in num]
            out["qutip"][storage] = {"seconds_per_solve": per, "solves": count,
                                     "g2": e[1] / e[0] ** 2, "g4": e[2] / e[0] ** 4}
        except Exception as e:  # reported in the bench line, never silently dropped
            out["qutip"][storage] = {"error": f"{type(e).__name__}: {e}"}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
