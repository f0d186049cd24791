"""Independent NumPy/SciPy model of the single-photon-blockade master equation (paper 002, Eqs. 1-4),
with the conventions of shared/PHYSICS.md: rates in 1e6 s^-1 (angular), lengths in um, gamma_ex = gamma_0.

Used by the test oracles (spb_reference.py) and the benchmark baseline (spb_qutip_bench.py).
It shares no code with the Swift implementation.
"""
import math
import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla

# CODATA 2018 exact / recommended values.
C = 299792458.0
HBAR = 6.62607015e-34 / (2 * math.pi)  # CODATA 2018: h exact, hbar = h / 2 pi
EPS0 = 8.8541878128e-12

LAMBDA = 1550e-9
Q = 1e10
N0 = 1.4
V_EFF = 150e-18
CHI3 = 1.8e-17
P_IN = 4e-15
A_T, W_T, THETA_T, THETA = 14.3, 0.099, 1.5 * math.pi, -0.5 * math.pi
A_G, W_G = 2.43, 0.092

OMEGA0 = 2 * math.pi * C / LAMBDA
GAMMA0 = OMEGA0 / Q / 1e6
GAMMA_EX = GAMMA0
GAMMA1 = GAMMA0 + GAMMA_EX
CHI = 3 * HBAR * OMEGA0**2 * CHI3 / (4 * EPS0 * V_EFF) / 1e6
XI = math.sqrt(GAMMA_EX * 1e6 * P_IN / (HBAR * OMEGA0)) / 1e6
K_OPT = 2 * math.pi * N0 / (LAMBDA * 1e6)
J0_DEFAULT = 1.8 * GAMMA1


def j_tip(r, phi):
    theta_big = 2 * K_OPT * phi + THETA + THETA_T * r
    return A_T * math.exp(-r / W_T) * complex(math.cos(theta_big), -math.sin(theta_big))


def gamma_tip(r):
    return A_G * math.exp(-r / W_G)


def case_rates(case, r=0.35, phi=0.27, j0=J0_DEFAULT):
    """(J, gamma) for 'ideal', 'notip', 'tip'."""
    if case == "ideal":
        return 0j, GAMMA1
    if case == "notip":
        return complex(j0), GAMMA1
    return complex(j0) + j_tip(r, phi), GAMMA1 + gamma_tip(r)


def operators(n):
    a = np.diag(np.sqrt(np.arange(1, n)), 1)
    eye = np.eye(n)
    return np.kron(a, eye), np.kron(eye, a)


def hamiltonian(n, delta, J, chi, xi):
    a1, a2 = operators(n)
    n1, n2 = a1.conj().T @ a1, a2.conj().T @ a2
    H = delta * (n1 + n2) + J * a1.conj().T @ a2 + np.conj(J) * a2.conj().T @ a1
    H = H + chi * (a1.conj().T @ a1.conj().T @ a1 @ a1 + a2.conj().T @ a2.conj().T @ a2 @ a2) + 2 * chi * n1 @ n2
    H = H + xi * (a1.conj().T + a1)
    return H.astype(complex), a1, a2


def liouvillian(n, delta, J, gamma, chi, xi):
    """Row-major vectorisation: vec(A rho B) = (A kron B^T) vec(rho)."""
    H, a1, a2 = hamiltonian(n, delta, J, chi, xi)
    d = n * n
    I = sp.identity(d, format="csr", dtype=complex)
    Hs = sp.csr_matrix(H)
    L = -1j * (sp.kron(Hs, I) - sp.kron(I, Hs.T))
    for a in (a1, a2):
        As = sp.csr_matrix(a.astype(complex))
        nn = As.conj().T @ As
        L = L + gamma * (sp.kron(As, As.conj()) - 0.5 * sp.kron(nn, I) - 0.5 * sp.kron(I, nn.T))
    return L.tocsc(), H, a1, a2


def steady_state_reference(L, d, refinements=6, dps=40):
    """Steady state with the vacuum element fixed to 1, solved by sparse LU in double precision and
    refined with residuals computed exactly-rounded in mpmath (dps digits): classic mixed-precision
    iterative refinement, so tiny elements (1e-15 and below) come out with full relative accuracy."""
    import mpmath
    mpmath.mp.dps = dps
    n2 = d * d
    keep = np.arange(1, n2)
    A = L[keep, :][:, keep].tocsc()
    b = -L[keep, :][:, [0]].toarray().ravel()
    lu = spla.splu(A)
    x = lu.solve(b)
    # high-precision residual r = b - A x, with x kept as a list of mpc
    Acoo = A.tocoo()
    rows, cols, vals = Acoo.row, Acoo.col, Acoo.data
    xs = [mpmath.mpc(complex(v)) for v in x]
    bm = [mpmath.mpc(complex(v)) for v in b]
    valm = [mpmath.mpc(complex(v)) for v in vals]
    for _ in range(refinements):
        r = list(bm)
        for k in range(len(vals)):
            r[rows[k]] -= valm[k] * xs[cols[k]]
        rd = np.array([complex(v) for v in r])
        dx = lu.solve(rd)
        xs = [xs[i] + mpmath.mpc(complex(dx[i])) for i in range(len(xs))]
    full = [mpmath.mpc(1)] + xs
    rho = [[full[i * d + j] for j in range(d)] for i in range(d)]
    tr = sum(rho[i][i] for i in range(d))
    return [[v / tr for v in row] for row in rho]


def moments_mp(rho, n, kmax=4):
    """<a1^dag^k a1^k> for k = 1..kmax from the mpmath density matrix (Fock index m*n + q)."""
    import mpmath
    out = []
    for k in range(1, kmax + 1):
        s = mpmath.mpf(0)
        for m in range(k, n):
            f = mpmath.mpf(1)
            for j in range(k):
                f *= (m - j)
            for q in range(n):
                s += f * rho[m * n + q][m * n + q].real
        out.append(s)
    return out
