"""Load and validate ``clusterwatch.toml``.

Where the configuration comes from, first match wins: ``--config``, ``CLUSTERWATCH_CONFIG``,
``./clusterwatch.toml``, the bundled ``data/clusterwatch.toml``. The archive path likewise:
``--db``, ``CLUSTERWATCH_DB``, ``[archive] path`` (relative to the configuration file).

The alert topics: a file without a ``topics`` key uses the bundled ``data/topics.toml``; a
``[topics]`` table with topics replaces them wholly; an empty ``[topics]`` table turns alerts off.

A bad file raises :class:`ConfigError` with one line naming the file, the key and what is wrong.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from . import paths

CONFIG_ENV = "CLUSTERWATCH_CONFIG"
DB_ENV = "CLUSTERWATCH_DB"
CONFIG_FILENAME = "clusterwatch.toml"
TOPICS_FILENAME = "topics.toml"

TopicsOrigin = Literal["bundled", "configuration", "off"]

_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_INTERVAL_RE = re.compile(r"^every\s+(\d+)\s*(s|sec|m|min|h|d)$")


class ConfigError(Exception):
    """A configuration file that cannot be used: the message names file, key and problem."""


class _Model(BaseModel):
    # strict: TOML has real types, so "5" where 5 is expected is a mistake worth reporting
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ArchiveConfig(_Model):
    path: str = "archive.db"


class CrawlConfig(_Model):
    contact_url: str = "https://github.com/clusterwatch/clusterwatch"
    user_agent: str | None = None
    allow_private_addresses: bool | list[str] = False
    concurrent_requests_per_domain: Annotated[int, Field(ge=1, le=8)] = 2
    download_delay: Annotated[float, Field(ge=0)] = 1.0
    autothrottle: bool = True
    obey_robots_txt: bool = True
    max_pages: Annotated[int, Field(ge=1)] = 2000
    max_depth: Annotated[int, Field(ge=1)] = 8
    max_page_bytes: Annotated[int, Field(ge=1024)] = 10_000_000
    max_pdf_bytes: Annotated[int, Field(ge=1024)] = 20_000_000
    timeout: Annotated[float, Field(gt=0)] = 30.0
    retries: Annotated[int, Field(ge=0, le=10)] = 3
    state_dir: str = "crawl-state"
    # processes extracting pages off the reactor; default: one per core but one; 0: in the crawl
    # process
    workers: Annotated[int, Field(ge=0, le=64)] | None = None
    # distributed crawling (``--redis``): the prefix of every key, so that several archives
    # can share one Redis server
    redis_prefix: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.:-]+$")] = "clusterwatch"

    @field_validator("contact_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not re.match(r"^https?://", value):
            raise ValueError("must be an http(s) URL")
        return value


class SourceConfig(_Model):
    name: str
    start_urls: Annotated[list[str], Field(min_length=1)]
    spider: str = "generic"
    allowed_domains: list[str] = []
    # where the crawl may go: URL prefixes ("https://www.gov.pl/web/polskapomoc/") or hosts
    # ("polskapomoc.gov.pl", with subdomains); default: each start URL's section of its host
    scope: list[str] = []
    schedule: str | None = None
    max_pages: Annotated[int, Field(ge=1)] | None = None
    max_depth: Annotated[int, Field(ge=1)] | None = None
    enabled: bool = True

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not _NAME_RE.match(value):
            raise ValueError("must be lowercase letters, digits, '-' or '_' (it names the spider)")
        return value

    @field_validator("start_urls")
    @classmethod
    def _urls(cls, value: list[str]) -> list[str]:
        for url in value:
            if not re.match(r"^https?://[^/\s]+", url):
                raise ValueError(f"{url!r} is not an http(s) URL")
        return value

    @field_validator("scope")
    @classmethod
    def _scope(cls, value: list[str]) -> list[str]:
        for entry in value:
            if not re.match(r"^(?:https?://[^/\s]+(?:/\S*)?|[A-Za-z0-9.-]+(?::\d+)?)$", entry):
                raise ValueError(f"{entry!r} is neither an http(s) URL prefix nor a host name")
        return value

    @field_validator("schedule")
    @classmethod
    def _schedule(cls, value: str | None) -> str | None:
        if value is not None:
            parse_schedule(value)
        return value


class TopicConfig(_Model):
    description: str = ""
    terms: list[str] = []
    exclude: list[str] = []
    rules: list[str] = []
    gazetteers: list[str] = []


class SmtpConfig(_Model):
    host: str = "localhost"
    port: Annotated[int, Field(ge=1, le=65535)] = 25
    security: Literal["none", "starttls", "ssl"] = "none"
    username: str | None = None
    password_env: str | None = None
    timeout: Annotated[float, Field(gt=0)] = 30.0


class RecipientConfig(_Model):
    email: str
    topics: list[str] = []
    name: str | None = None

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        if not re.match(r"^[^@\s]+@[^@\s]+$", value):
            raise ValueError("is not an email address")
        return value


class DigestConfig(_Model):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)

    from_: Annotated[str, Field(alias="from")] = "clusterwatch@localhost"
    time: str = "07:00"
    timezone: str = "Europe/Warsaw"
    out_dir: str = "digests"
    weeks_in_chart: Annotated[int, Field(ge=1, le=52)] = 12
    recipients: list[RecipientConfig] = []
    smtp: SmtpConfig = SmtpConfig()

    @field_validator("time")
    @classmethod
    def _time(cls, value: str) -> str:
        if not re.match(r"^([01]\d|2[0-3]):[0-5]\d$", value):
            raise ValueError("must be HH:MM")
        return value


class ConfigFile(_Model):
    archive: ArchiveConfig = ArchiveConfig()
    crawl: CrawlConfig = CrawlConfig()
    sources: list[SourceConfig] = []
    # None (no key): the bundled topics; {} (an empty table): no alerts
    topics: dict[str, TopicConfig] | None = None
    digest: DigestConfig = DigestConfig()


class TopicsFile(_Model):
    """The bundled ``data/topics.toml``: topics and nothing else."""

    topics: Annotated[dict[str, TopicConfig], Field(min_length=1)]


@dataclass(frozen=True)
class Config:
    """A validated configuration with its paths resolved."""

    path: Path
    db_path: Path
    state_dir: Path
    digest_dir: Path
    crawl: CrawlConfig
    sources: tuple[SourceConfig, ...]
    topics: dict[str, TopicConfig]
    digest: DigestConfig
    topics_origin: TopicsOrigin

    def source(self, name: str) -> SourceConfig:
        for source in self.sources:
            if source.name == name:
                return source
        known = ", ".join(s.name for s in self.sources) or "none"
        raise ConfigError(f"{self.path}: no source named {name!r} (configured: {known})")

    @property
    def user_agent(self) -> str:
        from . import __version__

        return self.crawl.user_agent or f"clusterwatch/{__version__} (+{self.crawl.contact_url})"

    @property
    def topics_description(self) -> str:
        """One line: which topics apply and where they come from."""
        names = ", ".join(self.topics)
        if self.topics_origin == "bundled":
            return (
                f"{names} — bundled defaults ({_shown(bundled_topics_path())}); "
                "add [topics] to replace them"
            )
        if self.topics_origin == "off":
            return f"none — alerts off (an empty [topics] table in {self.path})"
        return f"{names} — [topics] of {self.path}"


def bundled_topics_path() -> Path:
    return paths.data_dir() / TOPICS_FILENAME


def load_bundled_topics() -> dict[str, TopicConfig]:
    """The topics of ``data/topics.toml``, validated like a configuration's. Raises
    :class:`ConfigError` naming that file."""
    topics_path = bundled_topics_path()
    raw = read_toml(topics_path, "bundled topics file not found")
    try:
        parsed = TopicsFile.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(f"{topics_path}: {_describe(exc, raw)}") from None
    _check_topics(parsed.topics, topics_path)
    return dict(parsed.topics)


def find_config_path(explicit: str | os.PathLike | None = None) -> Path:
    """The configuration file to use, by the precedence in the module docstring."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env)
    local = Path.cwd() / CONFIG_FILENAME
    if local.exists():
        return local
    return paths.default_config_path()


def load_config(
    path: str | os.PathLike | None = None,
    *,
    db: str | os.PathLike | None = None,
    spiders: Collection[str] | None = None,
) -> Config:
    """Read, validate and resolve a configuration file. Raises :class:`ConfigError`.

    ``spiders``: the names of the spiders a crawl can load (the crawl stage knows them:
    :func:`clusterwatch.crawl.runner.known_spiders`); when given, each source must name one.
    """
    config_path = find_config_path(path)
    raw = read_toml(config_path, "configuration file not found")
    return config_from_dict(raw, config_path, db=db, spiders=spiders)


def read_toml(path: Path, missing: str) -> dict[str, Any]:
    """A TOML file's tables; :class:`ConfigError` naming the file when it is ``missing`` (the
    words to say so), not UTF-8 or not TOML."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: {missing}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def config_from_dict(
    raw: dict[str, Any],
    config_path: Path,
    *,
    db: str | os.PathLike | None = None,
    spiders: Collection[str] | None = None,
) -> Config:
    try:
        parsed = ConfigFile.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(f"{config_path}: {_describe(exc, raw)}") from None
    _check_semantics(parsed, config_path, spiders)
    if parsed.topics is None:
        topics, origin = load_bundled_topics(), "bundled"
    else:
        topics, origin = dict(parsed.topics), "configuration" if parsed.topics else "off"
        _check_topics(topics, config_path)
    _check_recipients(parsed.digest, topics, origin, config_path)

    base = config_path.resolve().parent
    db_path = Path(db or os.environ.get(DB_ENV) or base / parsed.archive.path)
    return Config(
        path=config_path,
        db_path=db_path,
        state_dir=base / parsed.crawl.state_dir,
        digest_dir=base / parsed.digest.out_dir,
        crawl=parsed.crawl,
        sources=tuple(parsed.sources),
        topics=topics,
        digest=parsed.digest,
        topics_origin=origin,
    )


def parse_schedule(value: str) -> dict[str, Any]:
    """A source's ``schedule``: a 5-field crontab line or ``every N s|m|h|d``.

    Returns keyword arguments for an APScheduler trigger: ``{"cron": "..."}`` or
    ``{"interval": {"minutes": N}}``.
    """
    value = value.strip()
    match = _INTERVAL_RE.match(value)
    if match:
        number, unit = int(match.group(1)), match.group(2)
        if number < 1:
            raise ValueError("the interval must be at least 1")
        key = {
            "s": "seconds",
            "sec": "seconds",
            "m": "minutes",
            "min": "minutes",
            "h": "hours",
            "d": "days",
        }[unit]
        return {"interval": {key: number}}
    if len(value.split()) == 5:
        from apscheduler.triggers.cron import CronTrigger

        try:
            CronTrigger.from_crontab(value, timezone="UTC")
        except ValueError as exc:
            raise ValueError(f"bad crontab line {value!r}: {exc}") from None
        return {"cron": value}
    raise ValueError(f"{value!r} is neither a crontab line ('0 */6 * * *') nor 'every 6h'")


def _check_semantics(
    parsed: ConfigFile, config_path: Path, spiders: Collection[str] | None
) -> None:
    seen: set[str] = set()
    for index, source in enumerate(parsed.sources):
        where = f"sources[{index}] ({source.name})"
        if source.name in seen:
            raise ConfigError(f"{config_path}: {where}.name: duplicate source name")
        seen.add(source.name)
        if spiders is not None and source.spider not in spiders:
            raise ConfigError(
                f"{config_path}: {where}.spider: unknown spider {source.spider!r} "
                f"(known: {', '.join(sorted(spiders))})"
            )


def _check_topics(topics: dict[str, TopicConfig], path: Path) -> None:
    from clusterwatch.alerts.topics import RuleError, compile_topics

    try:
        compile_topics(topics)
    except RuleError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def _check_recipients(
    digest: DigestConfig, topics: dict[str, TopicConfig], origin: TopicsOrigin, config_path: Path
) -> None:
    """Recipients follow the topics that apply, bundled or configured."""
    for index, recipient in enumerate(digest.recipients):
        unknown = sorted(set(recipient.topics) - set(topics))
        if not unknown:
            continue
        if origin == "off":
            defined = "none: an empty [topics] table turns alerts off"
        else:
            defined = ", ".join(topics)
            if origin == "configuration" and unknown[0] in _bundled_topic_names():
                # the likeliest surprise: a topic added to the configuration hid the bundled ones
                defined += (
                    f"; [topics] replaces the bundled topics, copy [topics.{unknown[0]}] "
                    f"from {_shown(bundled_topics_path())} to keep it"
                )
        raise ConfigError(
            f"{config_path}: digest.recipients[{index}].topics: unknown topic "
            f"{unknown[0]!r} (defined: {defined})"
        )


def _bundled_topic_names() -> set[str]:
    """The names of the bundled topics, for a hint only: an unreadable file gives none."""
    try:
        topics = read_toml(bundled_topics_path(), "not found").get("topics")
    except (ConfigError, OSError):
        return set()
    return set(topics) if isinstance(topics, dict) else set()


def _shown(path: Path) -> str:
    """A bundled file's path as the README names it (data/topics.toml), else in full."""
    try:
        return str(path.relative_to(paths.project_root()))
    except ValueError:
        return str(path)


def _describe(exc: ValidationError, raw: dict[str, Any]) -> str:
    """One line for the first validation error: the key as written in the file, and why."""
    errors = exc.errors()
    first = errors[0]
    parts: list[str] = []
    node: Any = raw
    for item in first["loc"]:
        if isinstance(item, int):
            name = ""
            if isinstance(node, list) and item < len(node) and isinstance(node[item], dict):
                name = node[item].get("name", "")
            parts[-1] += f"[{item}]" + (f" ({name})" if name else "")
        else:
            parts.append(str(item))
        try:
            node = node[item]
        except (KeyError, IndexError, TypeError):
            node = None
    key = ".".join(parts) or "(top level)"
    message = _MESSAGES.get(first["type"], first["msg"])
    if first["type"] in {"value_error", "assertion_error"}:
        message = first["msg"].removeprefix("Value error, ")
    more = (
        f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
        if len(errors) > 1
        else ""
    )
    return f"{key}: {message}{more}"


_MESSAGES = {
    "missing": "missing (required)",
    "extra_forbidden": "unknown key",
    "string_type": "must be a string",
    "int_type": "must be an integer",
    "float_type": "must be a number",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "dict_type": "must be a table",
    "too_short": "must not be empty",
}
