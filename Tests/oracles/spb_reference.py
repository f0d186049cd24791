"""Reference values for Tests/PhotonBlockadeTests (independent of the Swift code).

Steady states of Eq. 4 from spb_model.py: sparse LU (SciPy) with the vacuum element fixed, refined
with residuals computed in 40-digit mpmath arithmetic, so even ⟨a1†⁴a1⁴⟩ ~ 1e-13 is exact to all
printed digits. g2(τ) from the dense matrix exponential (SciPy expm) of the Liouvillian at a small
cutoff. Run: python3 Tests/oracles/spb_reference.py
"""
import math
import numpy as np
import scipy.linalg as sla
from spb_model import (GAMMA0, GAMMA1, CHI, XI, K_OPT, case_rates, liouvillian, steady_state_reference,
                       moments_mp, j_tip, gamma_tip)


def report(label, case, n=6, r=0.35, phi=0.27, delta_over_g1=0.0, chi_over_gamma=None):
    J, g = case_rates(case, r, phi)
    chi = CHI if chi_over_gamma is None else chi_over_gamma * g
    L, H, a1, a2 = liouvillian(n, delta_over_g1 * GAMMA1, J, g, chi, XI)
    rho = steady_state_reference(L, n * n)
    m = [float(v) for v in moments_mp(rho, n)]
    n2 = float(sum(q * rho[p * n + q][p * n + q].real for p in range(n) for q in range(n)))
    p10 = float(rho[1 * n + 0][1 * n + 0].real)
    p01 = float(rho[0 * n + 1][0 * n + 1].real)
    gk = [m[k] / m[0] ** (k + 1) for k in range(4)]
    print(f"{label}: cutoff {n} J={J!r} gamma={g!r} chi={chi!r}")
    print(f"  N_cw={m[0]!r} N_ccw={n2!r} g2={gk[1]!r} g3={gk[2]!r} g4={gk[3]!r}")
    print(f"  a4a4={m[3]!r} P10={p10!r} P01={p01!r}")


def g2_tau(case, n=4, taus=(0.0, 0.5, 2.0, 6.0)):
    J, g = case_rates(case)
    L, H, a1, a2 = liouvillian(n, 0.0, J, g, CHI, XI)
    Ld = L.toarray()
    d = n * n
    w, v = np.linalg.eig(Ld)
    rho = v[:, np.argmin(abs(w))].reshape(d, d)
    rho = rho / np.trace(rho)
    # refine with the exact null vector from a dense solve (vacuum fixed)
    A = Ld[1:, 1:]; b = -Ld[1:, 0]
    x = np.linalg.solve(A, b)
    for _ in range(3):
        x = x + np.linalg.solve(A, b - A @ x)
    rho = np.concatenate([[1.0], x]).reshape(d, d); rho = rho / np.trace(rho)
    n1 = np.real(np.trace(a1.conj().T @ a1 @ rho))
    sigma = (a1 @ rho @ a1.conj().T).reshape(-1)
    out = []
    for t in taus:
        s = sla.expm(Ld * (t / GAMMA1)) @ sigma
        out.append(np.real(np.trace(a1.conj().T @ a1 @ s.reshape(d, d))) / n1 ** 2)
    print(f"g2(tau) {case} cutoff {n} tau*gamma1={list(taus)}: {[float(v) for v in out]!r}")


if __name__ == "__main__":
    print(f"gamma0={GAMMA0!r} gamma1={GAMMA1!r} chi={CHI!r} xi={XI!r} k_opt={K_OPT!r}")
    print(f"J_tip(0.35,0.27)={j_tip(0.35, 0.27)!r} gamma_tip(0.35)={gamma_tip(0.35)!r}")
    report("ideal", "ideal")
    report("notip", "notip")
    report("tip", "tip")
    report("tip-detuned", "tip", phi=0.21, delta_over_g1=0.7, chi_over_gamma=0.5)
    report("tip-n5", "tip", n=5)
    g2_tau("tip")
    g2_tau("notip")
