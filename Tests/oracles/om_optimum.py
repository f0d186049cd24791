#!/usr/bin/env python3
"""The detuning optima of E_N,r behind the numbers in the optomechanics tests.

Maximises E_N,r(Delta~) of om_oracle.py's independent model with SciPy's bounded scalar
minimiser (Brent's method on -E_N,r, xatol 1e-10) on the red side Delta~ in (0.05, 4) Gamma,
for the ideal resonator and for one defect of strength eps = Gamma. Quoted in the tests:
ideal 0.84979 Gamma with E_N,r = 0.1597019 (PHYSICS.md: 0.85 Gamma, 0.1597), defect only
1.57296 Gamma with E_N,r = 0.0833685.

Usage: om_optimum.py -> JSON {"ideal": {"detuning": x, "EN_r": y}, "defect": {...}} on stdout
"""
import json
import os
import sys

from scipy.optimize import minimize_scalar

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from om_oracle import evaluate  # noqa: E402


def optimum(defects):
    def negative_en(detuning):
        point = evaluate(defects, 0.0, 0.0, detuning)
        return -(point["EN_r"] if point["stable"] else 0.0)

    result = minimize_scalar(negative_en, bounds=(0.05, 4.0), method="bounded", options={"xatol": 1e-10})
    return {"detuning": float(result.x), "EN_r": float(-result.fun)}


def main():
    print(json.dumps({"ideal": optimum([]), "defect": optimum([[1.0, 0.0]])}))


if __name__ == "__main__":
    main()
