"""Benchmark of the public portal: requests per second on ONE gunicorn sync worker, cached and cold.

Sets up a throw-away SQLite database with the demo data (``seed-demo``), collects the static files, starts
``gunicorn kim.wsgi -w 1`` with production settings (DEBUG off, manifest static files, locmem cache) and
drives it with a few client threads over real HTTP for a fixed time per URL. Prints, per URL:

* the time of a cold request (content generation bumped just before, so nothing is in the cache; the
  process itself is warm),
* requests per second and p50/p95 latency while the page is cached (the usual case between two publishes).

The home page is the figure of the issue (target ≥ 300/s); the responsibility finder, staff list and
contact page of the directory module are measured too. Nothing here is a test; it prints what it measured.

    .venv/bin/python bench/portal_bench.py          (KIM_BENCH_SECONDS=5, KIM_BENCH_THREADS=4)
"""

from __future__ import annotations

import http.client
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
SECONDS = float(os.environ.get("KIM_BENCH_SECONDS", "5"))
THREADS = int(os.environ.get("KIM_BENCH_THREADS", "4"))
PORT = int(os.environ.get("KIM_BENCH_PORT", "8799"))

URLS = [
    ("home (German)", "/de/"),
    ("home (Arabic)", "/ar/"),
    ("content page", "/de/kim/bausteine/"),
    ("FAQ", "/de/fragen/"),
    ("finder: street found", "/de/ansprechpersonen/?street=Marktstra%C3%9Fe+12&postcode=46045"),
    ("finder: postcode + language", "/de/ansprechpersonen/?postcode=46117&language=uk"),
    ("finder: unknown street", "/ar/ansprechpersonen/?street=Markstrase"),
    ("staff list", "/de/ansprechpersonen/alle/"),
    ("contact page", "/de/kontakt/"),
]


def environment(workdir: Path) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "KIM_MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_SETTINGS_MODULE": "kim.settings",
        "KIM_DEMO": "1",
        "DEBUG": "0",
        "KIM_TESTING": "0",
        "KIM_READ_ENV_FILE": "0",
        "SECRET_KEY": "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
        "KIM_SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "ERROR",
    }


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def request(connection: http.client.HTTPConnection, path: str) -> int:
    connection.request("GET", path, headers={"Host": "127.0.0.1", "Accept-Language": "de"})
    response = connection.getresponse()
    response.read()
    return response.status


def wait_until_up(process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn did not start")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
            if request(connection, "/healthz") == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer within 30 s")


def bump_generation(database: Path) -> None:
    """What a publish does: a new content generation, so the next request finds nothing in the cache."""
    with sqlite3.connect(database) as db:
        db.execute("UPDATE portal_contentgeneration SET value = value + 1")


def cold(path: str) -> tuple[int, float]:
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    started = time.perf_counter()
    status = request(connection, path)
    return status, (time.perf_counter() - started) * 1000


def load(path: str) -> dict:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + SECONDS

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        mine = []
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                status = request(connection, path)
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
                status = 0
            mine.append((time.perf_counter() - started) * 1000)
            if status != 200:
                with lock:
                    errors[0] += 1
        with lock:
            latencies.extend(mine)

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p95": latencies[int(len(latencies) * 0.95) - 1],
        "requests": len(latencies),
        "errors": errors[0],
    }


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="kim-portal-bench-") as tmp:
        workdir = Path(tmp)
        env = environment(workdir)
        print("Setting up: migrate, collectstatic, seed-demo (a minute) …", flush=True)
        manage(env, "migrate", "--no-input")
        manage(env, "collectstatic", "--no-input")
        manage(env, "seed-demo", "--quiet-logins")
        command = [
            GUNICORN,
            "kim.wsgi:application",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
            "--access-logfile",
            "-" if os.environ.get("KIM_BENCH_LOG") else "/dev/null",
        ]
        server = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603
        try:
            wait_until_up(server)
            print(
                f"\nOne gunicorn sync worker, {THREADS} client threads, {SECONDS:g} s per URL, real HTTP.\n"
            )
            print(
                f"{'page':<30} {'cold ms':>8} {'cached req/s':>13} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}"
            )
            for _label, path in URLS:  # warm the process up: imports, compiled templates, finder index
                cold(path)
            for label, path in URLS:
                bump_generation(workdir / "bench.sqlite3")
                status, cold_ms = cold(path)
                if status != 200:
                    print(f"{label:<30} answered {status} – skipped")
                    continue
                figures = load(path)
                print(
                    f"{label:<30} {cold_ms:>8.1f} {figures['rps']:>13.0f} {figures['p50']:>8.2f} "
                    f"{figures['p95']:>8.2f} {figures['errors']:>7}",
                    flush=True,
                )
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
