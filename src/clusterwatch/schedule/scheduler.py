"""The scheduler: crawl jobs per source and the daily digest, on APScheduler 3.11.

Job specifications are a pure function of the configuration (:func:`job_specs`). Triggers are
built with their time zone (the machine clock is UTC; a crontab line means Europe/Warsaw, or
``[digest] timezone``). ``coalesce`` and a generous ``misfire_grace_time`` make a machine that
slept or was busy run a missed job once, not never and not once per missed slot;
``max_instances=1`` keeps a job from overlapping itself, and the per-source lock of
``clusterwatch crawl`` keeps a scheduled crawl and a manual one apart. A scheduler started after
downtime catches up: a job whose last run (from the archive) is older than its latest due time
runs once at start.

Each job runs the command in a subprocess (Twisted's reactor cannot be restarted in one
process). SIGTERM or SIGINT stop the scheduler cleanly: a running crawl is interrupted the way
Ctrl-C interrupts it, so that its next run continues where it stopped.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from clusterwatch.config import Config, parse_schedule

logger = logging.getLogger(__name__)

JOB_DEFAULTS = {
    "coalesce": True,  # many missed slots: one run
    "max_instances": 1,  # a job never overlaps itself
    "misfire_grace_time": 12 * 3600,  # a run up to 12 h late still happens (a laptop that slept)
}
STOP_TIMEOUT = 120  # seconds a crawl gets to stop cleanly after SIGTERM


@dataclass(frozen=True)
class JobSpec:
    id: str
    kind: str  # crawl or digest
    trigger: str  # cron or interval
    args: dict[str, Any] = field(hash=False)
    timezone: str = "Europe/Warsaw"
    source: str | None = None

    def describe(self) -> str:
        if self.trigger == "cron":
            return f"cron '{self.args['cron']}' ({self.timezone})"
        return "every " + ", ".join(f"{v} {k}" for k, v in self.args.items())

    def command(self, config_path: Path) -> list[str]:
        base = [sys.executable, "-m", "clusterwatch"]
        if self.kind == "crawl":
            return [*base, "crawl", "--config", str(config_path), "--source", self.source or ""]
        return [*base, "digest", "--config", str(config_path), "--send"]


def job_specs(config: Config) -> list[JobSpec]:
    """The jobs a configuration asks for: one per scheduled, enabled source, and the digest."""
    timezone = config.digest.timezone
    specs = []
    for source in config.sources:
        if not source.enabled or not source.schedule:
            continue
        parsed = parse_schedule(source.schedule)
        if "cron" in parsed:
            specs.append(
                JobSpec(f"crawl:{source.name}", "crawl", "cron", parsed, timezone, source.name)
            )
        else:
            specs.append(
                JobSpec(
                    f"crawl:{source.name}",
                    "crawl",
                    "interval",
                    parsed["interval"],
                    timezone,
                    source.name,
                )
            )
    if config.digest.recipients:
        hour, minute = config.digest.time.split(":")
        specs.append(
            JobSpec(
                "digest", "digest", "cron", {"cron": f"{int(minute)} {int(hour)} * * *"}, timezone
            )
        )
    return specs


def make_trigger(spec: JobSpec) -> CronTrigger | IntervalTrigger:
    if spec.trigger == "cron":
        return CronTrigger.from_crontab(spec.args["cron"], timezone=spec.timezone)
    return IntervalTrigger(timezone=spec.timezone, **spec.args)


def next_run(spec: JobSpec, now: datetime | None = None) -> datetime | None:
    now = now or datetime.now(UTC)
    return make_trigger(spec).get_next_fire_time(None, now)


def latest_due(spec: JobSpec, now: datetime) -> datetime | None:
    """The last time ``spec`` should have fired at or before ``now`` (for catching up)."""
    if spec.trigger == "interval":
        return now - timedelta(**spec.args)
    trigger = make_trigger(spec)
    fire, previous = trigger.get_next_fire_time(None, now - timedelta(days=8)), None
    while fire is not None and fire <= now:
        previous, fire = fire, trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))
    return previous


def missed(spec: JobSpec, last_run: datetime | None, now: datetime) -> bool:
    """Whether a job last run at ``last_run`` missed a slot it should have run in."""
    due = latest_due(spec, now)
    return due is not None and (last_run is None or last_run < due)


class Runner:
    """Runs jobs as subprocesses, and stops the running ones cleanly on request."""

    def __init__(self, config_path: Path):
        self.config_path = config_path
        self.children: set[subprocess.Popen] = set()
        self.lock = threading.Lock()
        self.stopping = False

    def __call__(self, spec: JobSpec) -> int:
        if self.stopping:
            return -1
        command = spec.command(self.config_path)
        logger.info("starting %s: %s", spec.id, " ".join(command[2:]))
        process = subprocess.Popen(command)
        with self.lock:
            self.children.add(process)
        try:
            code = process.wait()
        finally:
            with self.lock:
                self.children.discard(process)
        # 75 (EX_TEMPFAIL): the source was being crawled by another process, nothing to do
        level = logging.INFO if code in (0, 75) else logging.WARNING
        logger.log(level, "%s finished with exit code %s", spec.id, code)
        return code

    def stop(self) -> None:
        """Interrupt running jobs the way Ctrl-C does; they leave resumable state behind."""
        self.stopping = True
        with self.lock:
            children = list(self.children)
        for child in children:
            child.send_signal(signal.SIGINT)
        for child in children:
            try:
                child.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                child.terminate()


def build_scheduler(
    config: Config,
    runner: Any,
    scheduler_cls: type[BaseScheduler] = BlockingScheduler,
    catch_up: frozenset[str] = frozenset(),
) -> BaseScheduler:
    """A scheduler with every job of ``config``; jobs named in ``catch_up`` run once at start."""
    scheduler = scheduler_cls(timezone=config.digest.timezone, job_defaults=JOB_DEFAULTS)
    now = datetime.now(UTC)
    for spec in job_specs(config):
        extra = {"next_run_time": now} if spec.id in catch_up else {}
        scheduler.add_job(
            runner, make_trigger(spec), args=[spec], id=spec.id, name=spec.describe(), **extra
        )
    return scheduler


def last_runs(db: Any) -> dict[str, datetime]:
    """When each job last ran, from the archive: crawl runs per source, sent digests."""
    runs: dict[str, datetime] = {}
    for source, started in db.execute(
        "select source, max(started) from crawl_runs group by source"
    ):
        runs[f"crawl:{source}"] = datetime.fromisoformat(started)
    sent = db.execute("select max(created) from digests where status = 'sent'").fetchone()[0]
    if sent:
        runs["digest"] = datetime.fromisoformat(sent)
    return runs


def run_forever(config: Config) -> None:
    """Start the scheduler in the foreground until SIGTERM or SIGINT."""
    from clusterwatch.archive.store import open_db

    runner = Runner(config.path)
    now = datetime.now(UTC)
    previous = last_runs(open_db(config.db_path))
    catch_up = frozenset(
        spec.id for spec in job_specs(config) if missed(spec, previous.get(spec.id), now)
    )
    for job in sorted(catch_up):
        logger.info("%s missed a run while the scheduler was down: running it now", job)
    scheduler = build_scheduler(config, runner, catch_up=catch_up)

    def stop(signum: int, frame: Any) -> None:
        logger.info("received %s: stopping", signal.Signals(signum).name)
        threading.Thread(
            target=lambda: (runner.stop(), scheduler.shutdown(wait=True)), daemon=True
        ).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    scheduler.start()
