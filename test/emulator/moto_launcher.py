"""Start moto's server, patched to behave as AWS documents for connect-campaigns (v1 and v2) and IAM.

    python3 test/emulator/moto_launcher.py --port 0 [--host 127.0.0.1] [fault options]

Prints `READY <port>` once listening; exits on SIGTERM/SIGINT or when its parent dies.
Fault options fall back to EMULATOR_* environment variables; see README.md.
"""

import argparse
import logging
import os
import signal
import sys
import threading

from werkzeug.serving import make_server

# The emu_* modules sit in the repo; keep their __pycache__ out of it.
sys.dont_write_bytecode = True
import emu_authz  # noqa: E402
import emu_campaigns  # noqa: E402
import emu_campaigns_v2  # noqa: E402
import emu_connect  # noqa: E402
import emu_control  # noqa: E402
import emu_iam  # noqa: E402


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").lower() in ("1", "true", "yes")


def parse_args() -> argparse.Namespace:
    env = os.environ.get
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--throttle-fraction", type=float,
                        default=float(env("EMULATOR_THROTTLE_FRACTION", "0")))
    parser.add_argument("--error-fraction", type=float,
                        default=float(env("EMULATOR_ERROR_FRACTION", "0")))
    parser.add_argument("--latency-ms", type=int, default=int(env("EMULATOR_LATENCY_MS", "0")))
    parser.add_argument("--seed", type=int,
                        default=int(env("EMULATOR_SEED")) if env("EMULATOR_SEED") else None)
    parser.add_argument("--rates", action="store_true", default=_env_flag("EMULATOR_RATES"),
                        help="enforce AWS's connect-campaigns request quotas")
    parser.add_argument("--onboarding-polls", type=int,
                        default=int(env("EMULATOR_ONBOARDING_POLLS", "1")),
                        help="status polls an onboarding job stays IN_PROGRESS")
    return parser.parse_args()


def exit_with_parent(stop: threading.Event) -> None:
    """Stop when the process that started us is gone, so a killed test run leaks nothing."""
    parent = os.getppid()
    while not stop.wait(1.0):
        if os.getppid() != parent:
            stop.set()


def main() -> None:
    args = parse_args()
    # One log line per request would bury the tracebacks worth reading in stderr.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    emu_campaigns.apply()
    emu_campaigns_v2.apply()
    emu_connect.apply()
    emu_iam.apply()
    emu_authz.apply()
    # Imported after patching: it builds each service's routes from the (patched) url maps.
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

    app = emu_control.EmulatorMiddleware(
        DomainDispatcherApplication(create_backend_app),
        {
            "throttleFraction": args.throttle_fraction,
            "errorFraction": args.error_fraction,
            "latencyMs": args.latency_ms,
            "seed": args.seed,
            "rates": args.rates,
            "onboardingPolls": args.onboarding_polls,
        },
    )
    server = make_server(args.host, args.port, app, threaded=True)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    threading.Thread(target=exit_with_parent, args=(stop,), daemon=True).start()
    print(f"READY {server.server_port}", flush=True)
    stop.wait()
    server.shutdown()


if __name__ == "__main__":
    sys.exit(main())
