#!/usr/bin/env python3
"""Independent oracle for the optomechanics model (paper 000, PHYSICS.md).

Builds the drift matrix A from the linearised Langevin equations (Eq. 3) by writing
d(delta a_j)/dt as a complex linear form and taking real/imaginary parts numerically (no
hand-written matrix entries for the optical block), solves A V + V A^T = -D with
scipy.linalg.solve_continuous_lyapunov, and evaluates the log negativity (Eq. 13) and the
transmission (Eq. 14).  Rates are in units of omega_m.

Usage: om_oracle.py            -> JSON list of reference points on stdout
       om_oracle.py --points F -> evaluate the points in JSON file F (list of dicts with
                                  keys scatterers=[[eps,beta],...], eta, beta, detuning)
"""
import json
import sys

import numpy as np
import scipy.constants as sc
from scipy.linalg import solve_continuous_lyapunov

WM = 6.3e7                   # mechanical angular frequency, s^-1
MU = 10e-12                  # 10 ng in kg
R = 1.1e-3                   # radius, m
TE = 0.2                     # 200 mK
WC = 1.22e15                 # optical angular frequency, s^-1
K0 = 0.3 * WM
KEX = K0
P = 30e-3
M_AZ = 4
GAMMA = K0 + KEX             # total optical dissipation
GM = 1e-5 * WM

G0 = (WC / R) * np.sqrt(sc.hbar / (MU * WM))
NM = 1.0 / np.expm1(sc.hbar * WM / (sc.k * TE))
AIN = np.sqrt(P / (sc.hbar * WC))
DRIVE = np.sqrt(2 * KEX) * AIN


def couplings(defects, eta, beta):
    """J1, J2 in s^-1 from defects [(eps_j/Gamma, beta_j)] and a particle (eta/Gamma, beta)."""
    j1 = sum(e * GAMMA * np.exp(-2j * M_AZ * b) for e, b in defects) + eta * GAMMA * np.exp(-2j * M_AZ * beta)
    j2 = sum(e * GAMMA * np.exp(2j * M_AZ * b) for e, b in defects) + eta * GAMMA * np.exp(2j * M_AZ * beta)
    return j1, j2


def drift(dt, j1, j2, ar, al):
    """6x6 drift matrix (units of omega_m) of u = (Xr, Yr, Xl, Yl, q, p).

    The optical rows come from
      d(da_r)/dt = (-i dt - Gamma) da_r - i J1 da_l + i G0 alpha_r dq
      d(da_l)/dt = (-i dt - Gamma) da_l - i J2 da_r + i G0 alpha_l dq
    with da = (X + iY)/sqrt2, X' = sqrt2 Re(da'), Y' = sqrt2 Im(da').
    """
    A = np.zeros((6, 6))
    # complex coefficients of da_r, da_l, and of dq in each optical equation
    rows = [((-1j * dt - GAMMA), -1j * j1, 1j * G0 * ar),
            (-1j * j2, (-1j * dt - GAMMA), 1j * G0 * al)]
    for m, (cr, cl, cq) in enumerate(rows):
        for n, c in enumerate((cr, cl)):
            # contribution c * (X_n + i Y_n)/sqrt2, times sqrt2 -> c*(X + iY)
            A[2 * m, 2 * n] += c.real
            A[2 * m, 2 * n + 1] += -c.imag
            A[2 * m + 1, 2 * n] += c.imag
            A[2 * m + 1, 2 * n + 1] += c.real
        A[2 * m, 4] = np.sqrt(2) * cq.real
        A[2 * m + 1, 4] = np.sqrt(2) * cq.imag
    A[4, 5] = WM
    # p' = -wm q - gm p + G0 (a_r^* da_r + c.c. + same for l)
    for m, a in enumerate((ar, al)):
        # G0 * 2 Re(conj(a) (X+iY)/sqrt2) = sqrt2 G0 (Re a X + Im a Y)
        A[5, 2 * m] = np.sqrt(2) * G0 * a.real
        A[5, 2 * m + 1] = np.sqrt(2) * G0 * a.imag
    A[5, 4] = -WM
    A[5, 5] = -GM
    return A / WM


def log_negativity(V, i):
    """E_N (Eq. 13) of optical mode i (0 = r, 1 = l) and the mechanics."""
    idx = [2 * i, 2 * i + 1, 4, 5]
    Vp = V[np.ix_(idx, idx)]
    a, b, c = Vp[:2, :2], Vp[2:, 2:], Vp[:2, 2:]
    s = np.linalg.det(a) + np.linalg.det(b) - 2 * np.linalg.det(c)
    nu = np.sqrt((s - np.sqrt(s * s - 4 * np.linalg.det(Vp))) / 2)
    return max(0.0, -np.log(2 * nu))


def evaluate(defects, eta, beta, detuning):
    j1, j2 = couplings(defects, eta, beta)
    dt = detuning * GAMMA
    den = (1j * dt + GAMMA) ** 2 + j1 * j2
    ar = (1j * dt + GAMMA) * DRIVE / den
    al = -1j * j2 * DRIVE / den
    A = drift(dt, j1, j2, ar, al)
    D = np.diag([GAMMA, GAMMA, GAMMA, GAMMA, 0, (2 * NM + 1) * GM]) / WM
    eig = np.linalg.eigvals(A)
    T = abs(1 - 2 * KEX * (1j * dt + GAMMA) / den) ** 2
    out = dict(defects=defects, eta=eta, beta=beta, detuning=detuning,
               N_r=abs(ar) ** 2, N_l=abs(al) ** 2,
               G_r=np.sqrt(2) * G0 * abs(ar) / WM, G_l=np.sqrt(2) * G0 * abs(al) / WM,
               T=T, J1=abs(j1) / GAMMA, max_re_eig=float(eig.real.max()))
    out["stable"] = bool(eig.real.max() < 0)
    if out["stable"]:
        V = solve_continuous_lyapunov(A, -D)
        res = np.linalg.norm(A @ V + V @ A.T + D) / np.linalg.norm(D)
        out.update(EN_r=log_negativity(V, 0), EN_l=log_negativity(V, 1), residual=float(res),
                   V=V.tolist())
    else:
        out.update(EN_r=None, EN_l=None)
    return out


DEFAULT_POINTS = [
    dict(defects=[], eta=0.0, beta=0.0, detuning=0.85),              # ideal
    dict(defects=[[1.0, 0.0]], eta=0.0, beta=0.0, detuning=0.85),    # defect only
    dict(defects=[[1.0, 0.0]], eta=1.0, beta=np.pi / 8, detuning=0.85),  # immune
    dict(defects=[[1.0, 0.0]], eta=1.0, beta=0.3, detuning=0.85),
    dict(defects=[[1.0, 0.0]], eta=1.0, beta=-0.3, detuning=1.7),
    dict(defects=[[1.0, 0.0]], eta=0.5, beta=0.1, detuning=-0.5),
    dict(defects=[[1.0, 0.0]], eta=1.0, beta=0.0, detuning=1.0),     # |J1| = 2: unstable
    dict(defects=[[0.7, 0.2], [1.3, 1.1]], eta=0.4, beta=0.9, detuning=2.5),
    dict(defects=[], eta=0.0, beta=0.0, detuning=8.0),
    dict(defects=[[1.5, 0.0]], eta=1.5, beta=0.25, detuning=0.3),
]


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--points":
        with open(sys.argv[2]) as f:
            points = json.load(f)
    else:
        points = DEFAULT_POINTS
    print(json.dumps([evaluate(p["defects"], p["eta"], p["beta"], p["detuning"]) for p in points]))


if __name__ == "__main__":
    main()
