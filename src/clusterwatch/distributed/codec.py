"""What crosses Redis in a distributed crawl, as JSON: requests and the messages to the writer.

Whoever can write to Redis must not be able to run code in a worker or the writer, so nothing
read from Redis is unpickled or imported: requests and messages are JSON, read back into the
few types they are made of, and anything else is refused (:class:`Refused`, a one-line reason).

- Values (a request's meta, headers, body, ``cb_kwargs``) use JSON plus a tagged object for what
  JSON lacks, so that they come back as they went: ``{"$bytes": base64}``, ``{"$set": [...]}``,
  ``{"$frozenset": [...]}``, ``{"$tuple": [...]}``, ``{"$map": [[key, value], ...]}`` for a dict
  with keys that are not strings (headers), and ``{"$dict": {...}}`` for a dict that would read
  as a tag. Any other type (an object in a request's meta) cannot be sent: :func:`dumps` raises
  :class:`Unsendable`, saying which key holds it.
- Requests: Scrapy's ``Request.to_dict`` (callbacks by name) in those values; read back only as
  a plain :class:`scrapy.Request` (or a form or JSON request), with a spider method named
  ``parse…`` as its callback and ``on_…`` as its errback (:func:`request_from_data`).
- Messages to the writer: ``records``, ``article`` and ``attachment``, plain JSON of a fixed shape
  with bytes in base64 (:func:`encode_message`, :func:`decode_message`).

This module is scrapy-redis's ``SCHEDULER_SERIALIZER`` (:func:`loads` and :func:`dumps`).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any

from scrapy import Request
from scrapy.http import FormRequest, JsonRequest

from clusterwatch.crawl.items import ArticleItem, AttachmentItem

TAGS = frozenset({"$bytes", "$set", "$frozenset", "$tuple", "$map", "$dict"})
MAX_REASON = 200  # characters of a refusal's reason


class Refused(ValueError):
    """Data read from Redis that is not what a clusterwatch process sends."""


class Unsendable(TypeError):
    """A value that cannot cross Redis as JSON (an object in a request's meta)."""


def one_line(text: object, limit: int = MAX_REASON) -> str:
    """``text`` fit for a one-line log message."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# -- values ---------------------------------------------------------------------------------------


def encode(value: Any, path: str = "") -> Any:
    """``value`` as JSON-ready data, tagged where JSON has no type of its own."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, bytes):
        return {"$bytes": base64.b64encode(value).decode("ascii")}
    if isinstance(value, list):
        return [encode(v, f"{path}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, tuple):
        return {"$tuple": [encode(v, f"{path}[{i}]") for i, v in enumerate(value)]}
    if isinstance(value, set | frozenset):
        tag = "$set" if isinstance(value, set) else "$frozenset"
        # sorted where possible, so that equal sets are equal text
        members = sorted(value, key=repr)
        return {tag: [encode(v, f"{path}{{}}") for v in members]}
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value):
            plain = {k: encode(v, f"{path}.{k}" if path else k) for k, v in value.items()}
            return {"$dict": plain} if len(plain) == 1 and next(iter(plain)) in TAGS else plain
        return {"$map": [[encode(k, path), encode(v, f"{path}[{k!r}]")] for k, v in value.items()]}
    raise Unsendable(
        f"{path or 'the value'} holds a {type(value).__name__}, which JSON cannot carry"
    )


def decode(data: Any) -> Any:
    """What :func:`encode` made of a value; :class:`Refused` for anything it does not make."""
    if data is None or isinstance(data, bool | int | float | str):
        return data
    if isinstance(data, list):
        return [decode(v) for v in data]
    if not isinstance(data, dict):
        raise Refused(f"unexpected JSON value {one_line(repr(data), 60)}")
    if len(data) != 1 or next(iter(data)) not in TAGS:
        return {k: decode(v) for k, v in data.items()}
    tag, inner = next(iter(data.items()))
    if tag == "$bytes":
        return _base64(inner, tag)
    if tag == "$dict":
        if not isinstance(inner, dict):
            raise Refused("$dict must hold an object")
        return {k: decode(v) for k, v in inner.items()}
    if not isinstance(inner, list):
        raise Refused(f"{tag} must hold an array")
    if tag == "$map":
        if not all(isinstance(pair, list) and len(pair) == 2 for pair in inner):
            raise Refused("$map must hold [key, value] pairs")
        try:
            return {decode(k): decode(v) for k, v in inner}
        except TypeError as exc:  # a list or a dict as a key
            raise Refused(f"$map key: {exc}") from None
    members = [decode(v) for v in inner]
    try:
        return {"$tuple": tuple, "$set": set, "$frozenset": frozenset}[tag](members)
    except TypeError as exc:
        raise Refused(f"{tag} member: {exc}") from None


def _base64(data: Any, what: str) -> bytes:
    if not isinstance(data, str):
        raise Refused(f"{what} must be a base64 string")
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise Refused(f"{what} is not valid base64") from None


def dumps(obj: Any) -> bytes:
    """``obj`` as tagged JSON (scrapy-redis serializer interface)."""
    return json.dumps(encode(obj), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(raw: bytes | str) -> Any:
    """What :func:`dumps` wrote; :class:`Refused` for anything else, never code."""
    return decode(_json(raw))


def _json(raw: bytes | str) -> Any:
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise Refused(f"not JSON ({one_line(exc, 80)})") from None


# -- requests -------------------------------------------------------------------------------------

#: the request classes a request may come back as; anything else is refused, never imported
REQUEST_CLASSES: dict[str, type[Request]] = {
    "scrapy.http.request.form.FormRequest": FormRequest,
    "scrapy.http.request.json_request.JsonRequest": JsonRequest,
}
#: the types of what ``Request.to_dict`` writes
REQUEST_FIELDS: dict[str, tuple[type, ...]] = {
    "url": (str,),
    "method": (str,),
    "headers": (dict,),
    "body": (bytes, str),
    "cookies": (dict, list),
    "meta": (dict,),
    "encoding": (str,),
    "priority": (int,),
    "dont_filter": (bool,),
    "flags": (list,),
    "cb_kwargs": (dict,),
}
CALLBACK = re.compile(r"parse(_\w+)?")
ERRBACK = re.compile(r"on_\w+")


def request_to_data(request: Request, spider: Any) -> bytes:
    """``request`` as JSON; :class:`Unsendable` when its meta or arguments hold an object."""
    data = request.to_dict(spider=spider)
    try:
        return dumps(data)
    except Unsendable as exc:
        raise Unsendable(f"request {request.url}: {exc}") from None


def request_from_data(raw: bytes | str, spider: Any) -> Request:
    """The request :func:`request_to_data` wrote, for ``spider``; :class:`Refused` otherwise."""
    data = loads(raw)
    if not isinstance(data, dict) or not isinstance(data.get("url"), str):
        raise Refused("not a request (an object with a url)")
    name = data.get("_class")
    if name is not None and name not in REQUEST_CLASSES:
        raise Refused(f"request class {one_line(name, 80)!r} is not one clusterwatch sends")
    request_cls = REQUEST_CLASSES.get(name, Request)
    kwargs = {k: v for k, v in data.items() if k in request_cls.attributes}
    for key, pattern in (("callback", CALLBACK), ("errback", ERRBACK)):
        kwargs[key] = _spider_method(spider, data.get(key), pattern, key)
    for key, value in kwargs.items():
        kinds = REQUEST_FIELDS.get(key, (object,))
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            raise Refused(f"a request's {key} cannot be a {type(value).__name__}")
    try:
        return request_cls(**kwargs)
    except (TypeError, ValueError, AttributeError) as exc:
        raise Refused(f"not a valid request: {one_line(exc, 120)}") from None


def _spider_method(spider: Any, name: Any, pattern: re.Pattern[str], what: str) -> Any:
    if name is None:
        return None
    if not isinstance(name, str) or not pattern.fullmatch(name):
        raise Refused(f"{what} {one_line(repr(name), 60)} is not one of the spider's")
    method = getattr(spider, name, None)
    if not callable(method):
        raise Refused(f"{what} {name!r} is not a method of spider {spider.name}")
    return method


# -- messages to the writer -----------------------------------------------------------------------

MESSAGE_TYPES = ("records", "article", "attachment")


def encode_message(message: dict[str, Any]) -> bytes:
    """A message to the writer as JSON: its items as plain objects, bytes in base64."""
    out = {k: v for k, v in message.items() if k != "item"}
    item = message.get("item")
    if isinstance(item, ArticleItem):
        out["item"] = _article(item)
    elif isinstance(item, AttachmentItem):
        out["item"] = {
            "article_url": item.article_url,
            "url": item.url,
            "title": item.title,
            "content_type": item.content_type,
            "body": base64.b64encode(item.body).decode("ascii"),
        }
    elif item is not None:
        raise Unsendable(f"a {type(item).__name__} is not an item the writer takes")
    try:
        return json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError) as exc:
        raise Unsendable(f"message {message.get('type')}: {exc}") from None


def _article(item: ArticleItem) -> dict[str, Any]:
    prepared = item.prepared
    return {
        "url": item.url,
        "fetched_url": item.fetched_url,
        "source": item.source,
        "extracted": item.extracted.as_dict(),
        "prepared": None
        if prepared is None
        else {
            "text_hash": prepared.text_hash,
            "grams": sorted(prepared.grams),
            "signature": None
            if prepared.signature is None
            else {
                "hashvalues": base64.b64encode(prepared.signature.to_bytes()).decode("ascii"),
                "band_keys": prepared.signature.band_keys(),
            },
            "terms": {
                "title": prepared.terms.title,
                "text": prepared.terms.text,
                "vocabulary": sorted(prepared.terms.vocabulary),
            },
            "matches": None
            if prepared.matches is None
            else [vars(match) for match in prepared.matches],
            "named_source": prepared.named_source,
        },
    }


def decode_message(raw: bytes | str) -> dict[str, Any]:
    """A message a worker sent, its item rebuilt; :class:`Refused` for anything else."""
    message = _json(raw)
    if not isinstance(message, dict):
        raise Refused("a message is a JSON object")
    kind = message.get("type")
    if kind not in MESSAGE_TYPES:
        raise Refused(f"unknown message type {one_line(repr(kind), 60)}")
    _check(message, "id", str)
    _check(message, "source", str)
    if kind in ("records", "article"):
        _check(message, "run", int, optional=True)
    if kind == "records":
        for key in ("fetches", "pages"):
            rows = _check(message, key, list)
            for row in rows:
                _row(row, key)
        from clusterwatch.crawl.records import COUNTERS

        counts = _check(message, "counts", dict)
        if not set(counts) <= set(COUNTERS) or not _ints(list(counts.values())):
            raise Refused("counts must be whole numbers of the run's counters")
    elif kind == "article":
        message["item"] = _article_item(_check(message, "item", dict))
        page = _check(message, "page", dict, optional=True)
        if page is not None:
            _row(page, "page")
        validators = _check(message, "validators", list, optional=True)
        if validators is not None:
            if len(validators) != 2 or not all(v is None or isinstance(v, str) for v in validators):
                raise Refused("validators must be [etag, last_modified]")
            message["validators"] = tuple(validators)
    else:
        data = _check(message, "item", dict)
        message["item"] = AttachmentItem(
            article_url=_check(data, "article_url", str),
            url=_check(data, "url", str),
            title=_check(data, "title", str),
            content_type=_check(data, "content_type", str),
            body=_base64(data.get("body"), "an attachment's body"),
        )
    return message


def _article_item(data: dict[str, Any]) -> ArticleItem:
    from clusterwatch.extract.article import Extracted

    ex = _check(data, "extracted", dict)
    text_fields = ("published", "published_from", "author", "language", "description")
    extracted = Extracted(
        title=_check(ex, "title", str),
        text=_check(ex, "text", str),
        **{name: _check(ex, name, str, optional=True) for name in text_fields},
        tags=_strings(_check(ex, "tags", list), "tags"),
    )
    pre = _check(data, "prepared", dict, optional=True)
    return ArticleItem(
        url=_check(data, "url", str),
        fetched_url=_check(data, "fetched_url", str),
        source=_check(data, "source", str),
        extracted=extracted,
        prepared=None if pre is None else _prepared(pre),
    )


def _prepared(pre: dict[str, Any]) -> Any:
    # imported here: a seeding crawl, which sends no article, does without numpy and datasketch
    from clusterwatch.archive.dedup import BANDS, NUM_PERM, Signature
    from clusterwatch.archive.prepare import Prepared
    from clusterwatch.search.terms import Terms

    sig = _check(pre, "signature", dict, optional=True)
    signature = None
    if sig is not None:
        blob = _base64(sig.get("hashvalues"), "a signature")
        keys = _check(sig, "band_keys", list)
        if len(blob) != NUM_PERM * 8 or len(keys) != BANDS or not _ints(keys):
            raise Refused("a signature has the wrong size")
        signature = Signature.from_bytes(blob)
        # the worker computed them; a cached_property keeps its value in the instance's dict
        signature.__dict__["_band_keys"] = tuple(keys)
    terms = _check(pre, "terms", dict)
    vocabulary = _check(terms, "vocabulary", list)
    if not all(isinstance(p, list) and len(p) == 2 and _strs(p) for p in vocabulary):
        raise Refused("vocabulary must be [form, lemma] pairs")
    matches = _check(pre, "matches", list, optional=True)
    return Prepared(
        text_hash=_check(pre, "text_hash", str),
        grams=frozenset(_strings(_check(pre, "grams", list), "grams")),
        signature=signature,
        terms=Terms(
            _check(terms, "title", str),
            _check(terms, "text", str),
            frozenset((form, lemma) for form, lemma in vocabulary),
        ),
        matches=None if matches is None else tuple(_match(m) for m in matches),
        named_source=_check(pre, "named_source", str, optional=True),
    )


def _match(data: Any) -> Any:
    from clusterwatch.archive.prepare import Match

    if not isinstance(data, dict):
        raise Refused("a match is an object")
    return Match(
        **{k: _check(data, k, str) for k in ("field", "topic", "term", "snippet")},
        **{k: _check(data, k, int) for k in ("hit_start", "hit_end")},
    )


def _check(data: dict[str, Any], key: str, kind: type, optional: bool = False) -> Any:
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise Refused(f"{key} must be a {kind.__name__}")
    return value


COLUMN = re.compile(r"[a-z_][a-z0-9_]{0,63}")


def _row(row: Any, what: str) -> None:
    """A row for a table: column names (which reach SQL) and plain values."""
    if not isinstance(row, dict) or not all(
        isinstance(k, str)
        and COLUMN.fullmatch(k)
        and (v is None or isinstance(v, str | int | float))
        for k, v in row.items()
    ):
        raise Refused(f"{what} rows must be objects of column names and plain values")


def _strings(values: list[Any], what: str) -> list[str]:
    if not _strs(values):
        raise Refused(f"{what} must be strings")
    return values


def _strs(values: list[Any]) -> bool:
    return all(isinstance(v, str) for v in values)


def _ints(values: list[Any]) -> bool:
    return all(isinstance(v, int) and not isinstance(v, bool) for v in values)
