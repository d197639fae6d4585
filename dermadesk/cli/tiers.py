"""`dermadesk tiers review|show`, `dermadesk rfm export|score` and `dermadesk churn fit`."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from dermadesk.cli.output import CommandEnvironment, print_json
from dermadesk.domain.money import currency_exponent
from dermadesk.services.churn import UNITS, fit_transactions
from dermadesk.services.clinic_snapshot import ChurnModel
from dermadesk.services.rfm_export import score_transactions, write_rows


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    output = argparse.ArgumentParser(add_help=False, parents=[common])
    output.add_argument("--json", action="store_true", help="machine-readable output with stable keys")
    tiers = commands.add_parser("tiers", help="membership tiers: the monthly review")
    actions = tiers.add_subparsers(dest="tiers_command", metavar="ACTION", required=True)
    review = actions.add_parser("review", parents=[output], help="run and store the review of a month")
    review.add_argument("--as-of", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    review.set_defaults(handler=review_command)
    show = actions.add_parser("show", parents=[output], help="a patient's tiers, reviews and overrides")
    show.add_argument("--patient", type=int, required=True, metavar="ID")
    show.set_defaults(handler=show_command)

    rfm = commands.add_parser("rfm", help="RFM scores as CSV")
    rfm_actions = rfm.add_subparsers(dest="rfm_command", metavar="ACTION", required=True)
    export = rfm_actions.add_parser("export", parents=[common], help="one row per patient of this clinic")
    export.add_argument("--as-of", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    export.add_argument("--csv", type=Path, required=True, metavar="FILE")
    export.add_argument("--marketing", action="store_true", help="a campaign list: only patients who consented")
    export.set_defaults(handler=rfm_export_command)
    score = rfm_actions.add_parser("score", help="score a CSV of patient_id,date,amount (no database)")
    score.add_argument("--transactions", type=Path, required=True, metavar="FILE.csv")
    score.add_argument("--as-of", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    score.add_argument("--csv", type=Path, required=True, metavar="OUT")
    score.add_argument("--currency", default="GBP", help="currency of the amounts (default GBP)")
    score.set_defaults(handler=rfm_score_command)

    churn = commands.add_parser("churn", help="the churn model (BG/NBD and Gamma-Gamma)")
    churn_actions = churn.add_subparsers(dest="churn_command", metavar="ACTION", required=True)
    fit = churn_actions.add_parser("fit", parents=[output], help="fit on the database or a transactions CSV")
    fit.add_argument("--transactions", type=Path, metavar="FILE.csv")
    fit.add_argument("--calibration-end", type=date.fromisoformat, metavar="YYYY-MM-DD", help="default: today")
    fit.add_argument("--time-unit", choices=sorted(UNITS), default="weeks")
    fit.add_argument("--currency", default="GBP", help="currency of a CSV's amounts (default GBP)")
    fit.set_defaults(handler=churn_fit_command)


def review_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    summary = env.call(args.db, lambda services: services.tiers.run_review(args.as_of))
    moves = [{"from": a, "to": b, "patients": n} for (a, b), n in sorted(summary.moves.items())]
    data = {
        "month": summary.review.month,
        "as_of": summary.review.as_of.isoformat(),
        "replaced": summary.replaced,
        "patients": summary.review.patient_count,
        "per_tier": summary.per_tier,
        "per_segment": summary.per_segment,
        "per_stage": summary.per_stage,
        "moves": moves,
        "clv_flagged": summary.clv_flagged,
        "model": summary.review.model,
    }
    if args.json:
        print_json(data)
        return 0
    print(
        f"Tier review {data['month']} (as of {data['as_of']}): {data['patients']} patients"
        + (" — replaced the earlier run of this month" if summary.replaced else "")
    )
    _table("Patients per tier", summary.per_tier)
    _table("Patients per segment", summary.per_segment)
    _table("Patients per stage", summary.per_stage)
    print("Tier moves:" if moves else "Tier moves: none")
    for move in moves:
        print(f"  {move['from']:>10} -> {move['to']:<10} {move['patients']:>7}")
    print(f"Patients whose predicted value changed by 20 % or more: {summary.clv_flagged}")
    return 0


def _table(title: str, counts: dict[str, int]) -> None:
    print(f"{title}:")
    for name, count in sorted(counts.items(), key=lambda item: -item[1]):
        print(f"  {name.replace('_', ' '):<22} {count:>7}")


def show_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    view = env.call(args.db, lambda services: services.tiers.patient(args.patient))
    data = {
        "patient_id": args.patient,
        "reviews": [
            {
                "month": r.month,
                "tier": res.tier,
                "qualified_tier": res.qualified_tier,
                "segment": res.segment,
                "stage": res.stage,
                "r": res.r,
                "f": res.f,
                "m": res.m,
                "p_alive": res.p_alive,
                "clv_predicted": res.clv_predicted_minor,
            }
            for r, res in view.results
        ],
        "history": [
            {
                "at": c.changed_at.isoformat(),
                "from": c.from_tier,
                "to": c.to_tier,
                "reason": c.reason.value,
                "note": c.note,
            }
            for c in view.history
        ],
        "overrides": [
            {
                "tier": o.tier_code,
                "reason": o.reason,
                "ends_on": o.ends_on.isoformat(),
                "cancelled": o.cancelled_at is not None,
            }
            for o in view.overrides
        ],
    }
    if args.json:
        print_json(data)
        return 0
    current = data["reviews"][-1]["tier"] if data["reviews"] else None
    print(f"Patient {args.patient}: tier {current or 'none'}")
    for row in data["reviews"]:
        print(f"  {row['month']}: {row['tier'] or '-':<9} segment {row['segment'] or '-':<20} stage {row['stage']}")
    for change in data["history"]:
        print(f"  {change['at'][:10]} {change['from'] or 'none'} -> {change['to'] or 'none'} ({change['reason']})")
    for override in data["overrides"]:
        print(f"  override: {override['tier']} until {override['ends_on']} — {override['reason']}")
    return 0


def rfm_export_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    rows = env.call(args.db, lambda services: services.rfm.export(args.as_of, marketing=args.marketing))
    write_rows(rows, args.csv)
    print(f"{len(rows)} patients written to {args.csv}")
    return 0


def rfm_score_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    rows = score_transactions(args.transactions, args.as_of, args.currency)
    write_rows(rows, args.csv)
    print(f"{len(rows)} patients written to {args.csv}")
    return 0


def churn_fit_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    end = args.calibration_end or date.today()
    currency = args.currency
    if args.transactions:
        model = fit_transactions(args.transactions, end, args.time_unit, currency)
    else:
        opened = env.open(args.db)
        try:
            model = env.services(opened).churn.fit(end, args.time_unit)
            currency = opened.store.currency
        finally:
            opened.close()
    return _print_model(model, args, end, currency)


def _print_model(model: ChurnModel, args: argparse.Namespace, end: date, currency: str) -> int:
    data: dict[str, object] = {"calibration_end": end.isoformat(), "time_unit": args.time_unit}
    if model.bgnbd:
        b = model.bgnbd
        data |= {
            "r": b.r,
            "alpha": b.alpha,
            "a": b.a,
            "b": b.b,
            "log_likelihood": b.log_likelihood,
            "customers": b.n_customers,
        }
    if model.spend:
        data |= {
            "p": model.spend.p,
            "q": model.spend.q,
            # gamma scales spend: shown in currency units, as published (the model works in minor units)
            "gamma": model.spend.gamma / 10 ** currency_exponent(currency),
            "spend_customers": model.spend.n_customers,
        }
    if args.json:
        print_json(data)
    else:
        if not model.bgnbd:
            print(
                "BG/NBD: not enough repeat visits to fit (at least 10 patients with a repeat are needed)",
                file=sys.stderr,
            )
        for key, value in data.items():
            print(f"{key}: {value:.4f}" if isinstance(value, float) else f"{key}: {value}")
    return 0 if model.bgnbd else 1
