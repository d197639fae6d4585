"""Shared maximum-likelihood machinery: minimise a negative log-likelihood over log-parameters, safely."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

LOG_BOUND = 12.0  # parameters live in exp(-12) .. exp(12); a fit that runs into the wall is not identified

# theta (log-parameters) -> (negative log-likelihood, its gradient with respect to theta)
Objective = Callable[[np.ndarray], tuple[float, np.ndarray]]


def fit_log_params(objective: Objective, starts: list[np.ndarray]) -> np.ndarray | None:
    """The first interior optimum L-BFGS-B (analytic gradient) reaches from the starts in turn, or None.

    Later starts are tried only when an earlier one fails or ends on the bounds: on real data the first
    start suffices, and each start costs a few dozen passes over the data. Non-finite values become a large
    finite penalty with a zero gradient, so one bad trial step in a corner of the space makes the line
    search back off instead of crashing. None: no start converged inside the bounds (the data cannot pin
    the parameters down).
    """
    from scipy.optimize import minimize  # lazily: scipy costs ~0.5 s of start-up

    def safe(theta: np.ndarray) -> tuple[float, np.ndarray]:
        with np.errstate(all="ignore"):
            value, gradient = objective(theta)
        if not (np.isfinite(value) and np.all(np.isfinite(gradient))):
            return 1e300, np.zeros_like(theta)
        return float(value), gradient

    bounds = [(-LOG_BOUND, LOG_BOUND)] * len(starts[0])
    for start in starts:
        result = minimize(
            safe,
            start,
            jac=True,
            method="L-BFGS-B",
            bounds=bounds,
            options={"ftol": 1e-13, "gtol": 1e-8, "maxiter": 2000},
        )
        interior = bool(np.all(np.abs(result.x) < LOG_BOUND - 1e-3))
        # a line search that gives up at a flat optimum is "abnormal" to L-BFGS-B but fine for us
        flat = bool(np.max(np.abs(result.jac)) <= 1e-5 * max(1.0, abs(result.fun)))
        if (result.success or flat) and result.fun < 1e299 and interior:
            return np.asarray(result.x)
    return None
