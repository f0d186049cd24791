"""Baseline for `make bench` (Sources/wgmfig-bench/CorrelationBench.swift): a g2(tau) curve of the
CW mode (quantum regression theorem on the master equation, Eq. 4 of the spb paper) computed by
QuTiP 5's `coherence_function_g2` with its default integrator and with the fastest accurate one
measured here (`vern7`; `lsoda` and `diag` were 20-200x slower at cutoff 6), each timed including
its steady state, plus an independent reference: sparse LU steady state, then
scipy.sparse.linalg.expm_multiply (Al-Mohy & Higham) over the uniform delay grid.

Usage: python spb_g2_bench.py --cutoff N --delta D --jre JR --jim JI --gamma G --chi C --xi X
                              --tau-max T --points P [--qutip default,vern7] [--budget SECONDS]
Prints one JSON object: reference curve, and per QuTiP method its seconds, curve and max rel. error.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from spb_model import liouvillian  # noqa: E402


def reference_curve(n, delta, J, gamma, chi, xi, taus):
    L, H, a1, _ = liouvillian(n, delta, J, gamma, chi, xi)
    d = n * n
    A = L.tolil()
    A[0, :] = 0
    for i in range(d):
        A[0, i * d + i] = 1.0                         # trace row replaces the first equation
    b = np.zeros(d * d, complex)
    b[0] = 1.0
    rho = spla.spsolve(A.tocsc(), b).reshape(d, d)
    rho = 0.5 * (rho + rho.conj().T)
    N1 = a1.conj().T @ a1
    n1 = np.trace(N1 @ rho).real
    sigma0 = (a1 @ rho @ a1.conj().T).ravel()
    vs = spla.expm_multiply(L, sigma0, start=taus[0], stop=taus[-1], num=len(taus), endpoint=True)
    diagN1 = np.diag(N1).real
    idx = np.arange(d) * d + np.arange(d)
    return np.array([(diagN1 * v[idx]).sum().real for v in vs]) / n1 ** 2, H


def qutip_curve(n, H, gamma, taus, method):
    import qutip
    dims = [[n, n], [n, n]]
    a = qutip.tensor(qutip.destroy(n), qutip.qeye(n))
    b = qutip.tensor(qutip.qeye(n), qutip.destroy(n))
    Hq = qutip.Qobj(sp.csr_matrix(H), dims=dims)     # sparse, as users build it from destroy()
    c_ops = [np.sqrt(gamma) * a, np.sqrt(gamma) * b]
    options = None if method == "default" else {"method": method}
    start = time.perf_counter()
    g2, _ = qutip.coherence_function_g2(Hq, None, taus, c_ops, a, options=options)
    return time.perf_counter() - start, np.asarray(g2).real, qutip.__version__


def main():
    ap = argparse.ArgumentParser()
    for name in ("delta", "jre", "jim", "gamma", "chi", "xi", "tau_max"):
        ap.add_argument("--" + name.replace("_", "-"), dest=name, type=float, required=True)
    ap.add_argument("--cutoff", type=int, required=True)
    ap.add_argument("--points", type=int, required=True)
    ap.add_argument("--qutip", default="default,vern7")
    a = ap.parse_args()
    taus = np.linspace(0.0, a.tau_max, a.points)
    J = complex(a.jre, a.jim)
    start = time.perf_counter()
    ref, H = reference_curve(a.cutoff, a.delta, J, a.gamma, a.chi, a.xi, taus)
    out = {"reference": ref.tolist(), "reference_seconds": time.perf_counter() - start, "qutip": {}}
    try:
        import qutip  # noqa: F401
    except ImportError as e:
        out["error"] = f"qutip unavailable: {e}"
        print(json.dumps(out))
        return
    for method in [m for m in a.qutip.split(",") if m]:
        try:
            seconds, g2, version = qutip_curve(a.cutoff, H, a.gamma, taus, method)
            out["qutip_version"] = version
            out["qutip"][method] = {"seconds": seconds, "max_rel_error": float(np.max(np.abs(g2 - ref) / np.abs(ref)))}
        except Exception as e:  # report, never hide: the Swift side prints it
            out["qutip"][method] = {"error": f"{type(e).__name__}: {e}"}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
