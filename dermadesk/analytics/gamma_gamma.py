"""Gamma-Gamma spend model (Fader & Hardie 2013): log-space fit and each patient's expected spend per visit."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from dermadesk.analytics.model_fitting import fit_log_params


@dataclass(frozen=True)
class GammaGammaFit:
    """Fitted parameters; gamma is in the money unit of the averages it was fitted on."""

    p: float
    q: float
    gamma: float
    log_likelihood: float
    n_customers: int

    def as_dict(self) -> dict[str, float]:
        return {k: float(v) for k, v in asdict(self).items()}

    @property
    def population_mean(self) -> float:
        """E[spend per visit] of a patient we know nothing about: p gamma / (q - 1), NaN when q <= 1."""
        return self.p * self.gamma / (self.q - 1.0) if self.q > 1.0 else float("nan")


def gamma_gamma_log_likelihood(params: tuple[float, float, float], x: np.ndarray, m: np.ndarray) -> np.ndarray:
    """Per-customer log density of the average m of x transactions (x >= 1, m > 0).

    ln f = ln Γ(px+q) - ln Γ(px) - ln Γ(q) + q ln γ + (px-1) ln m + px ln x - (px+q) ln(γ + m x)
    """
    from scipy.special import gammaln  # lazily: scipy costs ~0.5 s of start-up

    p, q, gamma = params
    px = p * np.asarray(x, dtype=np.float64)
    return (
        gammaln(px + q)
        - gammaln(px)
        - gammaln(q)
        + q * np.log(gamma)
        + (px - 1.0) * np.log(m)
        + px * np.log(x)
        - (px + q) * np.log(gamma + m * x)
    )


def _gamma_gamma_gradient(params: tuple[float, float, float], x: np.ndarray, m: np.ndarray) -> np.ndarray:
    """d ln f / d log-parameter per customer, shape (3, n)."""
    from scipy.special import digamma  # lazily: scipy costs ~0.5 s of start-up

    p, q, gamma = params
    px = p * x
    log_share = np.log(gamma + m * x)
    return np.stack(
        [
            p * x * (digamma(px + q) - digamma(px) + np.log(m) + np.log(x) - log_share),
            q * (digamma(px + q) - digamma(q) + np.log(gamma) - log_share),
            gamma * (q / gamma - (px + q) / (gamma + m * x)),
        ]
    )


def fit_gamma_gamma(x: np.ndarray, m: np.ndarray, min_customers: int = 10) -> GammaGammaFit | None:
    """Maximum-likelihood fit on customers with x >= 1 transactions of average value m > 0.

    Rows with m <= 0 carry no spend information and are left out (the model's spend is positive).
    None when fewer than min_customers rows remain or the optimum lies on the edge of the space.
    """
    x = np.asarray(x, dtype=np.float64)
    m = np.asarray(m, dtype=np.float64)
    ok = np.isfinite(x) & np.isfinite(m) & (x >= 1) & (m > 0)
    x, m = x[ok], m[ok]
    if x.size == 0 or x.size < min_customers:
        return None
    # gamma scales with money: fitting on m / mean(m) makes the starts sensible in any currency
    scale = float(m.mean())
    scaled = m / scale

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        params = tuple(np.exp(theta))
        return (
            -float(gamma_gamma_log_likelihood(params, x, scaled).sum()),
            -_gamma_gamma_gradient(params, x, scaled).sum(axis=1),
        )

    theta = fit_log_params(objective, [np.zeros(3), np.log([5.0, 3.0, 1.0])])
    if theta is None:
        return None
    p, q, gamma = np.exp(theta)
    gamma *= scale
    ll = float(gamma_gamma_log_likelihood((p, q, gamma), x, m).sum())
    return GammaGammaFit(float(p), float(q), float(gamma), ll, int(x.size))


def expected_spend(fit: GammaGammaFit, x: np.ndarray, m: np.ndarray) -> np.ndarray:
    """E[spend per visit | x, m] = p (gamma + x m) / (p x + q - 1); x = 0 gives the population mean.

    It is a weighted average of the population mean and the patient's own mean, the weight on the
    patient's growing with x. NaN where the model has no finite answer (q <= 1 and x = 0).
    """
    x = np.asarray(x, dtype=np.float64)
    m = np.where(x > 0, np.asarray(m, dtype=np.float64), 0.0)
    denominator = fit.p * x + fit.q - 1.0
    with np.errstate(invalid="ignore", divide="ignore"):
        result = fit.p * (fit.gamma + x * m) / denominator
    return np.where(denominator > 0, result, np.nan)
