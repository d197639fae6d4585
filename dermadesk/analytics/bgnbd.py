"""BG/NBD (Fader, Hardie & Lee 2005): log-space maximum-likelihood fit, P(alive) and expected visits."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from dermadesk.analytics.model_fitting import LOG_BOUND, fit_log_params

# "age" is the paper's T (time from the first purchase to the end of the period): ruff wants lowercase names.


@dataclass(frozen=True)
class BgNbdFit:
    """Fitted parameters; alpha is in the time unit of the t_x and age it was fitted on (days or weeks)."""

    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float
    n_customers: int

    def as_dict(self) -> dict[str, float]:
        return {k: float(v) for k, v in asdict(self).items()}


def bgnbd_log_likelihood(
    params: tuple[float, float, float, float], x: np.ndarray, t_x: np.ndarray, age: np.ndarray
) -> np.ndarray:
    """Per-customer log-likelihood, FHL (2005) eq. 6, kept in logs so large x cannot overflow.

    ln L = ln Γ(r+x) - ln Γ(r) + r ln α + ln B(a, b+x) - ln B(a, b)
           + ln[ (α+T)^-(r+x) + [x>0] a/(b+x-1) (α+t_x)^-(r+x) ]   (the bracket via logaddexp)
    """
    from scipy.special import betaln, gammaln  # lazily: scipy costs ~0.5 s of start-up

    r, alpha, a, b = params
    x = np.asarray(x, dtype=np.float64)
    head = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + betaln(a, b + x) - betaln(a, b)
    still_alive = -(r + x) * np.log(alpha + age)
    with np.errstate(invalid="ignore", divide="ignore"):
        dropped = np.log(a) - np.log(b + x - 1) - (r + x) * np.log(alpha + t_x)
    return head + np.logaddexp(still_alive, np.where(x > 0, dropped, -np.inf))


def _bgnbd_gradient(
    params: tuple[float, float, float, float], x: np.ndarray, t_x: np.ndarray, age: np.ndarray
) -> np.ndarray:
    """d ln L / d log-parameter per customer, shape (4, n): the derivative of each term, times the parameter.

    w is the share of the "dropped out after the last visit" term in the logaddexp bracket.
    """
    from scipy.special import digamma  # lazily: scipy costs ~0.5 s of start-up

    r, alpha, a, b = params
    with np.errstate(invalid="ignore", divide="ignore"):
        dropped = np.log(a) - np.log(b + x - 1) - (r + x) * np.log(alpha + t_x)
    dropped = np.where(x > 0, dropped, -np.inf)
    w = np.exp(dropped - np.logaddexp(-(r + x) * np.log(alpha + age), dropped))
    log_span = (1 - w) * np.log(alpha + age) + w * np.log(alpha + t_x)
    inverse_span = (1 - w) / (alpha + age) + w / (alpha + t_x)
    shared = digamma(a + b) - digamma(a + b + x)
    with np.errstate(invalid="ignore", divide="ignore"):
        w_b = np.where(x > 0, w / (b + x - 1), 0.0)
    return np.stack(
        [
            r * (digamma(r + x) - digamma(r) + np.log(alpha) - log_span),
            alpha * (r / alpha - (r + x) * inverse_span),
            a * (shared + w / a),
            b * (digamma(b + x) - digamma(b) + shared - w_b),
        ]
    )


def fit_bgnbd(x: np.ndarray, t_x: np.ndarray, age: np.ndarray, min_repeaters: int = 10) -> BgNbdFit | None:
    """Maximum-likelihood fit; None when the data cannot identify the model.

    x: repeat visits, t_x: time from first to last visit, age (FHL's T): time from first visit to the end
    of the period, all in one unit. Rows with non-finite values or t_x outside 0..age are left out. Fewer
    than min_repeaters customers with x > 0, or an optimum on the edge of the parameter space, give None.
    """
    x, t_x, age = (np.asarray(v, dtype=np.float64) for v in (x, t_x, age))
    ok = np.isfinite(x) & np.isfinite(t_x) & np.isfinite(age) & (x >= 0) & (t_x >= 0) & (t_x <= age)
    x, t_x, age = x[ok], t_x[ok], age[ok]
    if x.size == 0 or np.count_nonzero(x > 0) < max(min_repeaters, 1) or age.max() <= 0:
        return None
    # time is rescaled so the longest age is 10: alpha scales with time, so the starts suit any unit
    scale = age.max() / 10.0
    rows, counts = np.unique(np.column_stack([x, t_x / scale, age / scale]), axis=0, return_counts=True)
    xs, txs, ages = rows[:, 0], rows[:, 1], rows[:, 2]

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        params = tuple(np.exp(theta))
        return (
            -float(counts @ bgnbd_log_likelihood(params, xs, txs, ages)),
            -(_bgnbd_gradient(params, xs, txs, ages) @ counts),
        )

    theta = fit_log_params(objective, [np.zeros(4), np.log([0.5, 1.0, 0.5, 2.0])])
    if theta is None:
        return None
    r, alpha, a, b = np.exp(theta)
    if a / (a + b) < np.exp(-LOG_BOUND):
        # the ridge a -> 0, b -> inf where nobody ever drops out is flat: L-BFGS-B may stop anywhere along it
        # short of the wall (where it stops depends on the machine's floating point); it is the same edge
        return None
    alpha *= scale
    ll = float(bgnbd_log_likelihood((r, alpha, a, b), x, t_x, age).sum())
    return BgNbdFit(float(r), float(alpha), float(a), float(b), ll, int(x.size))


def p_alive(fit: BgNbdFit, x: np.ndarray, t_x: np.ndarray, age: np.ndarray) -> np.ndarray:
    """P(still a patient | x, t_x, T = age), FHL eq. 11; 1 for x = 0 (the model's no-dropout-before-a-repeat)."""
    from scipy.special import expit  # lazily: scipy costs ~0.5 s of start-up

    x = np.asarray(x, dtype=np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        log_odds_gone = (
            np.log(fit.a) - np.log(fit.b + x - 1) + (fit.r + x) * (np.log(fit.alpha + age) - np.log(fit.alpha + t_x))
        )
    return np.where(x > 0, expit(-log_odds_gone), np.where(np.isfinite(age), 1.0, np.nan))


def expected_visits(fit: BgNbdFit, t: float, x: np.ndarray, t_x: np.ndarray, age: np.ndarray) -> np.ndarray:
    """E[visits in (T, T+t] | x, t_x, T], FHL eq. 10, t in the fit's time unit (T = age).

    The paper's (1-z)^(r+x) 2F1(r+x, b+x; a+b+x-1; z) grows huge and tiny at once for large x; Euler's
    transformation turns it into (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z), whose first two parameters do
    not grow with x. a = 1 is a removable 0/0; a is nudged off it.
    """
    from scipy.special import hyp2f1  # lazily: scipy costs ~0.5 s of start-up

    r, alpha, b = fit.r, fit.alpha, fit.b
    a = fit.a if abs(fit.a - 1.0) > 1e-6 else 1.0 + 1e-6
    x = np.asarray(x, dtype=np.float64)
    age = np.asarray(age, dtype=np.float64)
    with np.errstate(all="ignore"):
        z = t / (alpha + age + t)
        tail = (1.0 - z) ** (a - 1.0) * hyp2f1(a + b - 1.0 - r, a - 1.0, a + b + x - 1.0, z)
        result = (a + b + x - 1.0) / (a - 1.0) * (1.0 - tail) * p_alive(fit, x, t_x, age)
    return np.where(np.isfinite(result), result, np.nan)
