"""Digest emails: a MIME message per recipient, and delivery over SMTP.

The message is ``multipart/alternative``: a plain-text part, then an HTML part that travels in
``multipart/related`` with the weekly chart as an inline PNG (``cid:``), which common mail
clients show. Scraped titles and snippets reach the HTML only through Jinja2's autoescaping.
The SMTP password is read from the environment variable named by ``password_env``: it is never
in the configuration or the archive.
"""

from __future__ import annotations

import os
import smtplib
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from sqlite_utils import Database

from clusterwatch.config import Config, DigestConfig, SmtpConfig

from .build import (
    RACE_ATTEMPTS,
    Digest,
    DigestRaced,
    build_digest,
    chart_png,
    mark_delivered,
    release,
    render,
    reserve,
    unfinished,
)


class SendError(Exception):
    """A digest could not be handed to the SMTP server; nothing was sent to that recipient."""


def build_message(digest: Digest, config: DigestConfig, to: str, topics: list[str]) -> EmailMessage:
    day = digest.created[:10]
    counts = ", ".join(f"{topic} {len(digest.topics.get(topic, []))}" for topic in topics)
    message = EmailMessage()
    message["Subject"] = f"clusterwatch {day}: {digest.story_count} new ({counts})"
    message["From"] = config.from_
    message["To"] = to
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = digest.message_id or make_msgid(domain="clusterwatch.local")
    message["X-Clusterwatch-Digest"] = str(digest.digest_id or "")
    title = f"clusterwatch digest {day}"
    message.set_content(render(digest, "txt", title=title))
    chart_cid = make_msgid(domain="clusterwatch.local")
    message.add_alternative(
        render(digest, "html", title=title, chart=f"cid:{chart_cid[1:-1]}"), subtype="html"
    )
    html_part = message.get_payload()[1]
    html_part.add_related(
        chart_png(digest.weekly),
        maintype="image",
        subtype="png",
        cid=chart_cid,
        filename="chart.png",
    )
    return message


def send(message: EmailMessage, smtp: SmtpConfig) -> None:
    """Hand ``message`` to the SMTP server; raise :class:`SendError` when it is not accepted."""
    password = None
    if smtp.password_env:
        password = os.environ.get(smtp.password_env)
        if password is None:
            raise SendError(f"the SMTP password variable {smtp.password_env} is not set")
    try:
        if smtp.security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                smtp.host, smtp.port, timeout=smtp.timeout, context=ssl.create_default_context()
            )
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
        with client:
            if smtp.security == "starttls":
                client.starttls(context=ssl.create_default_context())
            if smtp.username:
                client.login(smtp.username, password or "")
            refused = client.send_message(message)
            if refused:
                raise SendError(
                    f"refused: {', '.join(f'{k} ({v[0]} {v[1]!r})' for k, v in refused.items())}"
                )
    except smtplib.SMTPRecipientsRefused as exc:
        raise SendError(f"recipient refused: {', '.join(exc.recipients)}") from None
    except (smtplib.SMTPException, OSError) as exc:
        raise SendError(f"{type(exc).__name__}: {exc}") from None


@dataclass
class Delivery:
    recipient: str
    status: str  # sent, failed, nothing new
    stories: int = 0
    items: int = 0
    error: str | None = None


def claim(
    db: Database, digest: Digest, email: str, topics: list[str], since: str | None, config: Config
) -> Digest:
    """Reserve ``digest``; when another process claimed some of its items meanwhile, build it
    again without them (an empty digest is not reserved)."""
    for attempt in range(RACE_ATTEMPTS):
        if not digest.item_count:
            return digest
        try:
            reserve(db, digest)
            return digest
        except DigestRaced:
            if attempt == RACE_ATTEMPTS - 1:
                raise
            digest = build_digest(
                db,
                email,
                topics,
                since,
                weeks=config.digest.weeks_in_chart,
                timezone=config.digest.timezone,
            )
    return digest


def deliver_all(db: Database, config: Config, since: str | None = None) -> list[Delivery]:
    """Send every recipient what is new for the topics they follow; see ``digest`` for the outbox."""
    results = []
    digest_config = config.digest
    for recipient in digest_config.recipients:
        topics = list(recipient.topics) or list(config.topics)
        pending = unfinished(db, recipient.email)
        fresh = build_digest(
            db,
            recipient.email,
            topics,
            since,
            weeks=digest_config.weeks_in_chart,
            timezone=digest_config.timezone,
        )
        for digest in [*pending, fresh]:
            if digest.digest_id is None:
                digest = claim(db, digest, recipient.email, topics, since, config)
            if not digest.item_count:
                continue
            digest.weekly = digest.weekly or fresh.weekly
            try:
                send(
                    build_message(digest, digest_config, recipient.email, topics),
                    digest_config.smtp,
                )
            except SendError as exc:
                release(db, digest.digest_id, str(exc))
                results.append(
                    Delivery(
                        recipient.email, "failed", digest.story_count, digest.item_count, str(exc)
                    )
                )
                break  # the server or this recipient is unavailable: the rest waits for the next run
            mark_delivered(db, digest.digest_id)
            results.append(Delivery(recipient.email, "sent", digest.story_count, digest.item_count))
        if not any(r.recipient == recipient.email for r in results):
            results.append(Delivery(recipient.email, "nothing new"))
    return results
