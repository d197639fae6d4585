"""Shared maximum-likelihood machinery: minimise a negative log-likelihood over log-parameters, safely."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy.optimize import minimize

LOG_BOUND = 12.0  # parameters live in exp(-12) .. exp(12); a fit that runs into the wall is not identified


def fit_log_params(
    negative_ll: Callable[[np.ndarray], float], starts: list[np.ndarray]
) -> np.ndarray | None:
    """The best interior optimum over a few starting points, or None when no start converges.

    L-BFGS-B does the work; a Nelder-Mead pass from its optimum polishes what the finite-difference
    gradient leaves. Non-finite objective values become a large finite penalty, so one bad step in a
    corner of the space cannot derail the line search.
    """
    def safe(theta: np.ndarray) -> float:
        with np.errstate(all="ignore"):
            value = float(negative_ll(theta))
        return value if np.isfinite(value) else 1e300

    best: tuple[float, np.ndarray] | None = None
    bounds = [(-LOG_BOUND, LOG_BOUND)] * len(starts[0])
    for start in starts:
        first = minimize(safe, start, method="L-BFGS-B", bounds=bounds)
        polished = minimize(safe, first.x, method="Nelder-Mead", bounds=bounds,
                            options={"xatol": 1e-8, "fatol": 1e-10, "maxiter": 4000})
        result = polished if polished.fun <= first.fun else first
        if np.isfinite(result.fun) and result.fun < 1e299 and (best is None or result.fun < best[0]):
            best = (float(result.fun), np.asarray(result.x))
    if best is None or np.any(np.abs(best[1]) >= LOG_BOUND - 1e-3):
        return None
    return best[1]
