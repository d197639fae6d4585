"""`dermadesk alerts run|list|resolve|snooze`."""

from __future__ import annotations

import argparse
from datetime import date

from dermadesk.cli.output import CommandEnvironment, print_json
from dermadesk.domain.alert_text import RULE_NAMES, describe_reason
from dermadesk.domain.alerts import AlertOutcome, AlertRule, AlertStatus

OUTCOMES = {o.value.replace("_", "-"): o for o in AlertOutcome}


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    output = argparse.ArgumentParser(add_help=False, parents=[common])
    output.add_argument("--json", action="store_true", help="machine-readable output with stable keys")
    alerts = commands.add_parser("alerts", help="churn alerts: raise, list and work them")
    actions = alerts.add_subparsers(dest="alerts_command", metavar="ACTION", required=True)
    run = actions.add_parser("run", parents=[output], help="raise the alerts of a day")
    run.add_argument("--as-of", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD")
    run.set_defaults(handler=run_command)
    listing = actions.add_parser("list", parents=[output], help="alerts, ranked by value at stake")
    listing.add_argument("--status", choices=[s.value for s in AlertStatus], default="open")
    listing.set_defaults(handler=list_command)
    resolve = actions.add_parser("resolve", parents=[output], help="resolve an alert with its outcome")
    resolve.add_argument("id", type=int)
    resolve.add_argument("--outcome", choices=sorted(OUTCOMES), required=True)
    resolve.add_argument("--note", default="")
    resolve.set_defaults(handler=resolve_command)
    snooze = actions.add_parser("snooze", parents=[output], help="hide an alert until a day")
    snooze.add_argument("id", type=int)
    snooze.add_argument("--until", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    snooze.set_defaults(handler=snooze_command)


def run_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    summary = env.call(args.db, lambda services: services.alerts.run(args.as_of or date.today()))
    data = {
        "raised": {rule.value: n for rule, n in summary.raised.items()},
        "total": sum(summary.raised.values()),
        "skipped_known": summary.skipped_known,
        "over_daily_cap": summary.over_cap,
        "woken": summary.woken,
    }
    if args.json:
        print_json(data)
    else:
        print(f"{data['total']} new alerts")
        for rule, count in sorted(summary.raised.items(), key=lambda item: -item[1]):
            print(f"  {RULE_NAMES[rule]:<20} {count:>5}")
        print(
            f"Already open or raised before: {summary.skipped_known}; left for later by the daily cap: "
            f"{summary.over_cap}; woken from snooze: {summary.woken}"
        )
    return 0


def list_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    views = env.call(args.db, lambda services: services.alerts.inbox((AlertStatus(args.status),)))
    rows = [
        {
            "id": v.alert.id,
            "patient_id": v.patient.id,
            "patient": v.patient.display_name,
            "rule": v.alert.rule.value,
            "raised_on": v.alert.raised_on.isoformat(),
            "value_at_stake": v.alert.value_at_stake_minor,
            "reason": describe_reason(v.alert.rule, v.alert.reason),
            "status": v.alert.status.value,
            "snoozed_until": v.alert.snoozed_until.isoformat() if v.alert.snoozed_until else None,
        }
        for v in views
    ]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"#{row['id']:<6} {row['patient']:<28} {RULE_NAMES[AlertRule(row['rule'])]:<18} {row['reason']}")
        print(f"{len(rows)} {args.status} alerts")
    return 0


def resolve_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    alert = env.call(args.db, lambda services: services.alerts.resolve(args.id, OUTCOMES[args.outcome], args.note))
    if args.json:
        print_json({"id": alert.id, "status": alert.status.value})
    else:
        print(f"Alert #{alert.id} resolved ({args.outcome}); it is on the patient's timeline.")
    return 0


def snooze_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    alert = env.call(args.db, lambda services: services.alerts.snooze(args.id, args.until))
    if args.json:
        print_json({"id": alert.id, "status": alert.status.value, "until": args.until.isoformat()})
    else:
        print(f"Alert #{alert.id} snoozed until {args.until.isoformat()}.")
    return 0
