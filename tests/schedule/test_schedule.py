"""The scheduler: job specs from the configuration, time zones, a real scheduler launching real
crawls, overlap prevention, and a missed run executed once after the machine slept."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from clusterwatch.config import config_from_dict
from clusterwatch.crawl.locks import source_locks
from clusterwatch.schedule.scheduler import JOB_DEFAULTS, JobSpec, job_specs, missed, next_run

from ..helpers import ROOT, make_config, run_cli, start_cli


def config_with(sources: list[dict], recipients: bool = True):
    raw = {"sources": sources, "topics": {"t": {"terms": ["klaster"]}}}
    if recipients:
        raw["digest"] = {
            "time": "07:00",
            "recipients": [{"email": "a@example.org", "topics": ["t"]}],
        }
    return config_from_dict(raw, Path("/tmp/clusterwatch.toml"))


def test_job_specs_are_a_function_of_the_configuration():
    config = config_with(
        [
            {"name": "a", "start_urls": ["https://a.pl/"], "schedule": "15 */6 * * *"},
            {"name": "b", "start_urls": ["https://b.pl/"], "schedule": "every 2h"},
            {"name": "c", "start_urls": ["https://c.pl/"]},
            {
                "name": "d",
                "start_urls": ["https://d.pl/"],
                "schedule": "every 1h",
                "enabled": False,
            },
        ]
    )
    specs = job_specs(config)
    assert specs == job_specs(config)
    assert [(s.id, s.trigger, s.args, s.timezone) for s in specs] == [
        ("crawl:a", "cron", {"cron": "15 */6 * * *"}, "Europe/Warsaw"),
        ("crawl:b", "interval", {"hours": 2}, "Europe/Warsaw"),
        ("digest", "cron", {"cron": "0 7 * * *"}, "Europe/Warsaw"),
    ]
    assert specs[0].command(Path("/x.toml"))[-4:] == ["--config", "/x.toml", "--source", "a"]
    assert specs[2].command(Path("/x.toml"))[-3:] == ["--config", "/x.toml", "--send"]
    assert job_specs(config_with([], recipients=False)) == []


def test_the_digest_fires_at_seven_in_warsaw_not_utc():
    digest = JobSpec("digest", "digest", "cron", {"cron": "0 7 * * *"})
    assert next_run(digest, datetime(2026, 1, 10, 12, tzinfo=UTC)) == datetime(
        2026, 1, 11, 6, tzinfo=UTC
    )
    assert next_run(digest, datetime(2026, 7, 10, 12, tzinfo=UTC)) == datetime(
        2026, 7, 11, 5, tzinfo=UTC
    )


def test_missed_runs_and_job_defaults():
    six_hourly = JobSpec("crawl:a", "crawl", "cron", {"cron": "0 */6 * * *"}, source="a")
    now = datetime(2026, 1, 10, 13, 30, tzinfo=UTC)  # 14:30 in Warsaw: last slot 12:00 = 11:00 UTC
    assert missed(six_hourly, None, now)
    assert missed(six_hourly, datetime(2026, 1, 10, 10, 59, tzinfo=UTC), now)
    assert not missed(six_hourly, datetime(2026, 1, 10, 11, 0, 5, tzinfo=UTC), now)
    hourly = JobSpec("crawl:b", "crawl", "interval", {"hours": 1}, source="b")
    assert missed(hourly, now - timedelta(minutes=61), now) and not missed(
        hourly, now - timedelta(minutes=59), now
    )
    assert JOB_DEFAULTS["coalesce"] is True and JOB_DEFAULTS["max_instances"] == 1
    assert JOB_DEFAULTS["misfire_grace_time"] >= 3600


def runs(db: Path) -> list[tuple[str, str]]:
    if not db.exists():
        return []
    connection = sqlite3.connect(db, timeout=10)
    try:
        return connection.execute("select status, started from crawl_runs order by id").fetchall()
    except sqlite3.OperationalError:
        return []
    finally:
        connection.close()


def wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_a_real_scheduler_runs_real_crawls_and_stops_cleanly(replicas, tmp_path):
    config = make_config(replicas, tmp_path)
    text = config.read_text(encoding="utf-8")
    # only pfrr, every 3 seconds; no digest recipients
    text = text.replace('schedule = "30 */6 * * *"', 'schedule = "every 3s"')
    for other in ("15 */6 * * *", "45 */12 * * *", "50 */12 * * *"):
        text = text.replace(f'schedule = "{other}"', "enabled = false")
    text = text.split("[[digest.recipients]]")[0]
    config.write_text(text, encoding="utf-8")
    log = tmp_path / "schedule.log"
    with log.open("w") as output:
        process = start_cli(
            "schedule", "--config", str(config), stdout=output, stderr=subprocess.STDOUT
        )
        try:
            db = tmp_path / "archive.db"
            assert wait_for(lambda: [s for s, _ in runs(db)].count("finished") >= 2, 120), runs(db)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=120)
    assert process.returncode == 0, log.read_text()
    statuses = [s for s, _ in runs(db)]
    assert "running" not in statuses and statuses.count("finished") >= 2
    connection = sqlite3.connect(db)
    assert connection.execute("select count(*) from articles").fetchone()[0] == 14  # stored once
    connection.close()


def test_a_source_is_never_crawled_twice_at_once(replicas, tmp_path):
    config = make_config(replicas, tmp_path)
    with source_locks(tmp_path / "crawl-state", ["pfrr"]) as busy:
        assert busy == {}
        blocked = run_cli("crawl", "--config", str(config), "--source", "pfrr")
    assert blocked.returncode == 75, blocked.stdout + blocked.stderr
    assert (
        f"skipped: pid {os.getpid()} is crawling it" in blocked.stdout.replace("\n", " ")
        or "skipped" in blocked.stdout
    )
    assert "nothing done" in blocked.stderr
    free = run_cli("crawl", "--config", str(config), "--source", "pfrr")
    assert free.returncode == 0, free.stderr


SLEEPER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from apscheduler.schedulers.blocking import BlockingScheduler
    from clusterwatch.config import config_from_dict
    from clusterwatch.schedule.scheduler import build_scheduler

    log = Path(sys.argv[1])
    config = config_from_dict(
        {"sources": [{"name": "a", "start_urls": ["https://a.pl/"], "schedule": "every 1s"}]},
        Path("/tmp/clusterwatch.toml"),
    )
    def runner(spec):
        with log.open("a") as f:
            f.write(f"{time.time()}\\n")
    build_scheduler(config, runner, BlockingScheduler).start()
    """
)


def test_a_missed_run_is_executed_once_after_the_machine_slept(tmp_path):
    script = tmp_path / "sleeper.py"
    script.write_text(SLEEPER, encoding="utf-8")
    log = tmp_path / "runs.log"
    process = subprocess.Popen([sys.executable, str(script), str(log)], cwd=ROOT)
    try:
        assert wait_for(lambda: log.exists() and len(log.read_text().split()) >= 2, 30)
        process.send_signal(signal.SIGSTOP)  # the laptop's lid closes
        time.sleep(5.5)
        before = len(log.read_text().split())
        woke = time.time()
        process.send_signal(signal.SIGCONT)
        time.sleep(0.8)
    finally:
        process.kill()
        process.wait()
    after = [float(t) for t in log.read_text().split()]
    woken = after[before:]
    # regular runs keep the interval's grid (the first run + whole seconds); a catch-up run
    # happens at waking, off the grid: five missed slots must give exactly one of those
    off_grid = [t for t in woken if 0.05 < (t - after[0]) % 1 < 0.95]
    assert len(off_grid) == 1, (after, woke)
    assert off_grid[0] - woke < 0.5
    assert len(woken) <= 2


@pytest.mark.parametrize("command", [["schedule", "--list"], ["status"]])
def test_schedule_list_and_status_show_next_runs(replicas, tmp_path, command):
    config = make_config(replicas, tmp_path)
    result = run_cli(*command, "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert "pfrr" in result.stdout
    assert "2026" in result.stdout or "20" in result.stdout  # a date
