"""An alert's reason in plain words, from the figures stored with it ("last visit 143 days ago; usually every
41 days"). English here; the UI passes the same templates through Qt's translator."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from dermadesk.domain.alerts import AlertRule

TEMPLATES: dict[str, str] = {
    "overdue": "{treatment} follow-up overdue by {overdue}: last {days_since} days ago; usually every {interval} days",
    "rhythm": "last visit {days_since} days ago; usually every {gap} days",
    "stage": "now {current_stage} (was {previous_stage}): last visit {days_since} days ago",
    "satisfaction": "unhappy after a visit ({scores}): call to put it right",
    "demoted": "tier lowered from {from_tier} to {to_tier}",
    "value_drop": "expected value for the next year fell {drop}%",
    "gone": "probably gone: {chance}% chance still coming; last visit {days_since} days ago after {visits} visits",
}
RULE_NAMES: dict[AlertRule, str] = {
    AlertRule.OVERDUE_FOLLOW_UP: "Overdue follow-up",
    AlertRule.BROKEN_RHYTHM: "Broken rhythm",
    AlertRule.STAGE_CROSSING: "Going quiet",
    AlertRule.LOW_SATISFACTION: "Unhappy patient",
    AlertRule.FALLING_VALUE: "Falling value",
    AlertRule.PROBABLY_GONE: "Probably gone",
}


DURATIONS: dict[str, str] = {"months": "{n} months", "weeks": "{n} weeks", "day": "{n} day", "days": "{n} days"}
# Values stored in a reason that are words themselves (stages, the fallback treatment, score names).
WORDS: tuple[str, ...] = (
    "prospect",
    "new",
    "active",
    "silent",
    "dormant",
    "lost",
    "Treatment",
    "satisfaction",
)
Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


def duration(days: int, translate: Translate = _same) -> str:
    """'3 weeks', '2 months', '5 days': how a receptionist says it."""
    if days >= 60:
        return translate(DURATIONS["months"]).format(n=round(days / 30.4))
    if days >= 14:
        return translate(DURATIONS["weeks"]).format(n=round(days / 7))
    return translate(DURATIONS["day" if days == 1 else "days"]).format(n=days)


def describe_reason(rule: AlertRule, reason: Mapping[str, object], translate: Translate = _same) -> str:
    """The reason in words; `translate` lets the UI swap each template (and each stored word, such as a
    stage or a tier name) for its translation."""
    r = dict(reason)

    def word(value: object) -> object:
        return translate(value) if isinstance(value, str) and value else value

    def say(key: str, **values: object) -> str:
        return translate(TEMPLATES[key]).format(**values)

    if rule is AlertRule.OVERDUE_FOLLOW_UP:
        return say(
            "overdue",
            treatment=word(r.get("treatment") or "Treatment"),
            overdue=duration(int(r["days_overdue"]), translate),
            days_since=r["days_since"],
            interval=r["usual_interval"],
        )
    if rule is AlertRule.BROKEN_RHYTHM:
        return say("rhythm", days_since=r["days_since"], gap=round(float(r["usual_gap"])))
    if rule is AlertRule.STAGE_CROSSING:
        return say(
            "stage",
            current_stage=word(r.get("current_stage")),
            previous_stage=word(r.get("previous_stage")),
            days_since=r.get("days_since"),
        )
    if rule is AlertRule.LOW_SATISFACTION:
        scores = ", ".join(
            f"{name} {int(r[key])}"
            for key, name in (("nps", "NPS"), ("csat", "CSAT"), ("post_treatment", translate("satisfaction")))
            if r.get(key) is not None
        )
        return say("satisfaction", scores=scores)
    if rule is AlertRule.FALLING_VALUE:
        if r.get("demoted"):
            return say("demoted", from_tier=word(r.get("from_tier")), to_tier=word(r.get("to_tier")))
        return say("value_drop", drop=round(100 * float(r.get("clv_drop") or 0)))
    return say("gone", chance=round(100 * float(r["p_alive"])), days_since=r.get("days_since"), visits=r.get("visits"))
