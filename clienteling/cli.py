"""`clienteling`: the desktop app, and the `demo`, `hub` and `sync` sub-commands.

Each command imports its parts lazily, so `clienteling hub` never loads Qt and `--help`
answers at once.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clienteling import __version__

if TYPE_CHECKING:
    from clienteling.hub.settings import HubSettings
    from clienteling.terminal.settings import TerminalSettings

LANGUAGES = ("en", "vi", "fr", "ru")
DEFAULT_DEMO_CUSTOMERS = 5000
DEMO_USERS = ("demo-associate", "demo-manager", "demo-admin")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clienteling",
        description=(
            "Clienteling for store associates. Without a sub-command, starts the desktop app "
            "(first run: connect to a hub, enroll with a one-time code, sign in)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"clienteling {__version__}")
    parser.add_argument("--hub", metavar="URL", help="hub address (overrides the configuration)")
    parser.add_argument("--lang", choices=LANGUAGES, help="interface language (default: system)")
    parser.add_argument("--data-dir", type=Path, help="where the local cache lives")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser(
        "demo",
        help="the whole product with a local hub and demo data",
        description=(
            "Start an embedded hub on 127.0.0.1 with generated multi-language demo data, a "
            "terminal for store 1 signed in as demo-associate, and open the app."
        ),
    )
    demo.add_argument(
        "--screenshot",
        metavar="DIR",
        type=Path,
        help="render every main view to PNG files in DIR and exit",
    )
    demo.add_argument(
        "--offline", action="store_true", help="start with the network to the hub cut"
    )
    demo.add_argument("--lang", choices=LANGUAGES, help="interface language (default: system)")
    demo.add_argument(
        "--customers",
        type=int,
        default=DEFAULT_DEMO_CUSTOMERS,
        help=f"demo customers to generate (default {DEFAULT_DEMO_CUSTOMERS})",
    )
    demo.add_argument("--seed", type=int, default=1, help="demo data seed (default 1)")
    demo.add_argument(
        "--user",
        choices=DEMO_USERS,
        default=DEMO_USERS[0],
        help="who is signed in (default demo-associate; demo-manager sees the dashboard)",
    )

    hub = commands.add_parser(
        "hub",
        help="run the central hub service",
        description="Run the central customer hub (HTTP API). GET /healthz answers when ready.",
    )
    hub.add_argument("--db", help="SQLite file path or PostgreSQL URL (default: user data dir)")
    hub.add_argument("--host", default=None, help="address to listen on (default 127.0.0.1)")
    hub.add_argument("--port", type=int, default=None, help="port to listen on (default 8700)")
    hub.add_argument(
        "--demo-data",
        metavar="N",
        type=int,
        nargs="?",
        const=DEFAULT_DEMO_CUSTOMERS,
        help=f"seed N demo customers into an empty database (default {DEFAULT_DEMO_CUSTOMERS})",
    )
    hub.add_argument("--seed", type=int, default=1, help="demo data seed (default 1)")
    hub.add_argument(
        "--log-file",
        metavar="PATH",
        type=Path,
        help="also log to PATH (rotating; default: stderr only)",
    )
    hub_commands = hub.add_subparsers(dest="hub_command", metavar="HUB_COMMAND")
    replay = hub_commands.add_parser(
        "replay",
        help="feed recorded web-shop events (JSON lines) through the ingest code",
        description=(
            "Ingest recorded web-shop events, one JSON object per line: our generic event "
            'envelope, or {"source": "shopify", "topic", "webhook_id", "payload"}. Events '
            "already received change nothing. Exits 1 when some events were refused."
        ),
    )
    replay.add_argument("file", type=Path, metavar="FILE", help="the JSON-lines file")
    replay.add_argument(
        "--db", default=argparse.SUPPRESS, help="SQLite file path or PostgreSQL URL"
    )
    replay.add_argument(
        "--source", default="webshop", help="source name of generic events (default webshop)"
    )
    _add_generate_tasks(hub_commands)

    _add_privacy_commands(hub_commands)
    enroll_code = hub_commands.add_parser(
        "enroll-code",
        help="make a one-time code that enrolls a new terminal for a store",
        description=(
            "Print a one-time enrollment code (e.g. K7PQ-3MZX-W9RT) for a store; the hub "
            "keeps only its hash. Type it into the terminal's first-run wizard."
        ),
    )
    enroll_code.add_argument(
        "--store", required=True, help="the store: its id, its exact name or its number (1 = first)"
    )
    enroll_code.add_argument(
        "--db", default=argparse.SUPPRESS, help="SQLite file path or PostgreSQL URL"
    )
    enroll_code.add_argument(
        "--expires", default="24h", help="how long the code is valid: 24h, 90m, 7d (default 24h)"
    )
    _add_config_command(commands)

    commands.add_parser(
        "sync",
        help="run one headless sync of this terminal",
        description=(
            "Push this terminal's pending changes to the hub and pull what changed, once. "
            "Exits 1 when the hub refused a change, 2 when the sync could not run."
        ),
    )
    commands.add_parser(
        "diagnostics",
        help="print what support needs (versions, configuration, sync state, recent log)",
        description=(
            "Print this terminal's diagnostics for support: app, Python, Qt and OS versions, "
            "the configuration without secrets, the sync state and the last log lines."
        ),
    )
    return parser


def _add_privacy_commands(hub_commands: argparse._SubParsersAction[Any]) -> None:
    for name, text in (
        ("privacy-export", "print everything the hub holds about a customer as JSON"),
        ("privacy-erase", "erase a customer on the hub; terminals drop them at next sync"),
    ):
        command = hub_commands.add_parser(
            name, help=text, description=text[0].upper() + text[1:] + "."
        )
        command.add_argument("customer_id", metavar="CUSTOMER_ID", help="the customer's id")
        command.add_argument(
            "--db", default=argparse.SUPPRESS, help="SQLite file path or PostgreSQL URL"
        )


def main(argv: Sequence[str] | None = None) -> int:
    # The desktop app's sync process (sync.pull_process) is a spawned copy of this
    # executable: in a frozen build this runs that child and exits there.
    multiprocessing.freeze_support()
    args = build_parser().parse_args(argv)
    _logging(args)
    if args.command == "hub":
        return _hub(args)
    if args.command == "demo":
        from clienteling.demo.launcher import run_demo

        return run_demo(
            screenshot_dir=args.screenshot,
            offline=args.offline,
            lang=args.lang,
            customers=args.customers,
            seed=args.seed,
            user=args.user,
        )
    if args.command == "config":
        return _config(args)
    if args.command == "sync":
        from clienteling.headless import run_sync

        return run_sync(_terminal_settings(args))
    if args.command == "diagnostics":
        return _diagnostics(args)
    from clienteling.desktop import run_desktop_app

    return run_desktop_app(_terminal_settings(args), argv=sys.argv[:1])


def _add_config_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    config = commands.add_parser(
        "config",
        help="check the terminal's configuration file",
        description="The terminal's configuration (config.toml and CLIENTELING_* variables).",
    )
    config_commands = config.add_subparsers(dest="config_command", metavar="CONFIG_COMMAND")
    config_commands.add_parser(
        "check",
        help="validate the configuration and show the effective values",
        description=(
            "Validate config.toml (unknown keys, bad values, data directory, hub address) "
            "and print every effective value with where it comes from (file, env or "
            "default). Exits 1 when something is wrong."
        ),
    )


def _config(args: argparse.Namespace) -> int:
    from clienteling.terminal.config_check import run_config_check

    if args.config_command != "check":
        print("usage: clienteling config check", file=sys.stderr)
        return 2
    return run_config_check()


def _logging(args: argparse.Namespace) -> None:
    """The hub logs to stderr (a server's supervisor keeps it) unless given `--log-file`;
    the app, the demo and `sync` also keep a rotating file for support."""
    from clienteling.terminal.logs import configure_logging, default_log_file

    log_file = getattr(args, "log_file", None)
    if log_file is None and args.command != "hub":
        log_file = default_log_file()
    configure_logging(verbose=args.verbose, log_file=log_file, access_log=args.command == "hub")


def _diagnostics(args: argparse.Namespace) -> int:
    from clienteling.terminal.diagnostics import print_diagnostics

    return print_diagnostics(_terminal_settings(args))


def _terminal_settings(args: argparse.Namespace) -> TerminalSettings:
    from clienteling.terminal.settings import TerminalSettings

    overrides = {
        key: value
        for key, value in (("hub_url", args.hub), ("lang", args.lang), ("data_dir", args.data_dir))
        if value is not None
    }
    return TerminalSettings(**overrides)


def _hub(args: argparse.Namespace) -> int:
    from clienteling.hub.run import run_hub
    from clienteling.hub.settings import HubSettings

    overrides = {
        key: value
        for key, value in (("db", args.db), ("host", args.host), ("port", args.port))
        if value is not None
    }
    if args.hub_command == "replay":
        return _replay(args, HubSettings(**overrides))
    if args.hub_command in ("privacy-export", "privacy-erase"):
        return _privacy(args, HubSettings(**overrides))
    if args.hub_command == "enroll-code":
        from clienteling.hub.enroll_command import make_enrollment_code

        return make_enrollment_code(
            HubSettings(**overrides), store=args.store, expires=args.expires
        )
    if args.hub_command == "generate-tasks":
        return _generate_tasks(HubSettings(**overrides))
    run_hub(settings=HubSettings(**overrides), demo_data=args.demo_data, seed=args.seed)
    return 0


def _replay(args: argparse.Namespace, settings: HubSettings) -> int:
    from clienteling.hub.replay import ReplayError, replay_file

    try:
        outcomes = replay_file(args.file, settings=settings, source=args.source)
    except (OSError, ReplayError) as exc:
        print(f"Could not replay {args.file}: {exc}", file=sys.stderr)
        return 2
    summary = ", ".join(f"{status} {n}" for status, n in sorted(outcomes.items())) or "none"
    print(f"events replayed: {summary}")
    return 1 if outcomes.get("invalid") else 0


def _privacy(args: argparse.Namespace, settings: HubSettings) -> int:
    from clienteling.hub.privacy_cli import run_erase, run_export

    if args.hub_command == "privacy-export":
        return run_export(args.customer_id, settings=settings)
    return run_erase(args.customer_id, settings=settings)


def _add_generate_tasks(hub_commands: Any) -> None:
    generate = hub_commands.add_parser(
        "generate-tasks",
        help="generate the stores' tasks once (lifecycle, carts available here, check-ins)",
        description=(
            "Bring every store's tasks in line with the rules once: add new ones, close "
            "those whose reason went away, expire late ones. Safe to repeat and to run "
            "beside running hubs (which also do it periodically)."
        ),
    )
    generate.add_argument(
        "--db", default=argparse.SUPPRESS, help="SQLite file path or PostgreSQL URL"
    )


def _generate_tasks(settings: HubSettings) -> int:
    from clienteling.hub.db import make_engine, migrate
    from clienteling.hub.task_generation import generate_tasks

    engine = make_engine(settings.db)
    try:
        migrate(engine)
        report = generate_tasks(engine)
    finally:
        engine.dispose()
    print(
        f"tasks: {report.created} created, {report.closed} closed, {report.expired} expired "
        f"in {len(report.stores)} stores"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
