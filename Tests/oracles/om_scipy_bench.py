#!/usr/bin/env python3
"""Baseline for `make bench`: the E_N point of the optomechanics model computed the plain
NumPy/SciPy way (build A, scipy.linalg.solve_continuous_lyapunov, log negativity), looped over N
detunings (best of 3 passes). Prints one line: `om_scipy_us_per_point <value>` and the checksum of E_N,r.

Usage: om_scipy_bench.py [N]   (default 2000)
"""
import sys
import time

import numpy as np
from scipy.linalg import solve_continuous_lyapunov

WM = 6.3e7
GAMMA = 0.6                       # Gamma / omega_m
GM = 1e-5                         # gamma_m / omega_m
KAPPA_EX = 0.5                    # kappa_ex / Gamma
HBAR = 6.62607015e-34 / (2 * np.pi)
KB = 1.380649e-23
G0 = (1.22e15 / 1.1e-3) * np.sqrt(HBAR / (10e-12 * WM))
NM = 1 / np.expm1(HBAR * WM / (KB * 0.2))
DRIVE = np.sqrt(2 * 0.3 * WM) * np.sqrt(30e-3 / (HBAR * 1.22e15))
FIELD = DRIVE / (GAMMA * WM)      # E / Gamma
M_AZ = 4


def point(eps, eta, beta, delta):
    j1 = eps + eta * np.exp(-2j * M_AZ * beta)
    j2 = eps + eta * np.exp(2j * M_AZ * beta)
    s = 1 + 1j * delta
    den = s * s + j1 * j2
    gr = np.sqrt(2) * G0 * FIELD * (s / den) / WM
    gl = np.sqrt(2) * G0 * FIELD * (-1j * j2 / den) / WM
    g, d = GAMMA, delta * GAMMA
    J1, J2 = j1 * g, j2 * g
    A = np.array([
        [-g, d, J1.imag, J1.real, -gr.imag, 0],
        [-d, -g, -J1.real, J1.imag, gr.real, 0],
        [J2.imag, J2.real, -g, d, -gl.imag, 0],
        [-J2.real, J2.imag, -d, -g, gl.real, 0],
        [0, 0, 0, 0, 0, 1],
        [gr.real, gr.imag, gl.real, gl.imag, -1, -GM]])
    D = np.diag([g, g, g, g, 0, (2 * NM + 1) * GM])
    if np.linalg.eigvals(A).real.max() >= 0:
        return None
    V = solve_continuous_lyapunov(A, -D)
    out = []
    for i in (0, 1):
        idx = [2 * i, 2 * i + 1, 4, 5]
        Vp = V[np.ix_(idx, idx)]
        s = np.linalg.det(Vp[:2, :2]) + np.linalg.det(Vp[2:, 2:]) - 2 * np.linalg.det(Vp[:2, 2:])
        nu = np.sqrt((s - np.sqrt(s * s - 4 * np.linalg.det(Vp))) / 2)
        out.append(max(0.0, -np.log(2 * nu)))
    return out


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    deltas = np.linspace(0.05, 4.0, n)
    point(1.0, 1.0, 0.3, 0.85)  # warm up
    best = float("inf")
    for _ in range(3):   # best of 3 passes: the least noisy estimate on a shared machine
        t0 = time.perf_counter()
        total = 0.0
        for d in deltas:
            r = point(1.0, 1.0, 0.3, d)
            if r is not None:
                total += r[0]
        best = min(best, time.perf_counter() - t0)
    print(f"om_scipy_us_per_point {best / n * 1e6:.3f} checksum {total:.12f}")


if __name__ == "__main__":
    main()
