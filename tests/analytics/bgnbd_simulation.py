"""Draw (x, t_x, T) from the BG/NBD story itself, to check that a fit finds the parameters again."""

from __future__ import annotations

import numpy as np


def simulate_bgnbd(
    n: int, r: float, alpha: float, a: float, b: float, max_age: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each customer buys at a Poisson rate ~ Gamma(r, alpha) and drops out after each purchase with p ~ Beta(a, b)."""
    rate = rng.gamma(r, 1.0 / alpha, n)
    dropout = rng.beta(a, b, n)
    age = rng.uniform(0.2 * max_age, max_age, n)
    x = np.zeros(n)
    t_x = np.zeros(n)
    t = np.zeros(n)
    alive = np.ones(n, dtype=bool)
    while alive.any():  # one step per purchase round, vectorised over customers
        t = t + rng.exponential(1.0 / rate)
        bought = alive & (t <= age)
        x[bought] += 1
        t_x[bought] = t[bought]
        alive = bought & (rng.random(n) >= dropout)
    return x, t_x, age
