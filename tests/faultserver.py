"""A real HTTP server on 127.0.0.1 that misbehaves on purpose, one fault per path.

Every request is logged (path, time) so tests can check what reached the server and when.
"""

from __future__ import annotations

import gzip
import io
import os
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

POLISH = (
    "Podlaska Fundacja Rozwoju Regionalnego zorganizowała w Białymstoku spotkanie przedsiębiorców "
    "z Polski i Białorusi. Rozmawiano o współpracy klastrów, o źródłach finansowania i o tym, "
    "jak łączyć małe firmy w większe sieci. Uczestnicy zgodzili się, że żaden z nich nie zdoła "
    "sam zdobyć zagranicznych rynków, a wspólna marka daje więcej niż osobne działania. "
    "Następne spotkanie zaplanowano jesienią w Grodnie."
)


def article(
    title: str, text: str = POLISH, charset_meta: str | None = "utf-8", extra: str = ""
) -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    return (
        f'<!DOCTYPE html><html lang="pl"><head>{meta}<title>{title}</title>'
        '<meta property="og:type" content="article"></head><body>'
        f"<article><h1>{title}</h1><p>{text}</p><p>{text}</p></article>{extra}</body></html>"
    )


class FaultServer:
    """The faults live in ``Handler.do_GET``; ``hits`` records every request."""

    def __init__(self, host: str = "127.0.0.1"):
        self.hits: list[tuple[str, float]] = []
        self.lock = threading.Lock()
        self.counters: dict[str, int] = {}
        self.server = ThreadingHTTPServer((host, 0), self._handler())
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base = f"http://{host}:{self.port}"
        self.redirect_targets: dict[str, str] = {}

    def start(self) -> FaultServer:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def times(self, path: str) -> list[float]:
        return [t for p, t in self.hits if p == path]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fault = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def send(
                self,
                status: int,
                body: bytes,
                content_type: str = "text/html; charset=utf-8",
                **headers: str,
            ) -> None:
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name.replace("_", "-"), value)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802, C901 - one branch per fault, on purpose
                path = self.path
                with fault.lock:
                    fault.hits.append((path, time.monotonic()))
                    fault.counters[path] = fault.counters.get(path, 0) + 1
                    count = fault.counters[path]
                route = urlsplit(path).path
                if route == "/robots.txt":
                    return self.send(
                        200, b"User-agent: *\nDisallow: /robots-blocked/\n", "text/plain"
                    )
                if route == "/":
                    fault.user_agent = self.headers.get("User-Agent", "")
                    links = "".join(f'<li><a href="{p}">{p}</a></li>' for p in LINKED)
                    return self.send(
                        200, f"<html><body><nav><ul>{links}</ul></nav></body></html>".encode()
                    )
                if route == "/flaky":
                    if count == 1:
                        return self.send(503, b"busy")
                    return self.send(200, article("Po chwili przerwy").encode())
                if route == "/busy":
                    if count == 1:
                        return self.send(503, b"come back later", Retry_After="2")
                    return self.send(200, article("Serwer odpoczął").encode())
                if route == "/slow":
                    time.sleep(6)
                    return self.send(200, article("Za późno").encode())
                if route == "/reset":
                    # a linger of 0 makes close() send RST; the handler's own files are
                    # swapped for dummies so that it does not write to a closed socket
                    self.connection.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                    )
                    os.close(self.connection.detach())
                    self.wfile, self.rfile, self.close_connection = io.BytesIO(), io.BytesIO(), True
                    return None
                if route == "/truncated":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", "50000")
                    self.end_headers()
                    self.wfile.write(article("Urwany").encode()[:300])
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.connection.close()
                    return None
                if route in ("/loop-a", "/loop-b"):
                    return self.send(
                        302, b"", Location="/loop-b" if route == "/loop-a" else "/loop-a"
                    )
                if route == "/gone404":
                    return self.send(404, b"not here")
                if route == "/gone410":
                    return self.send(410, b"gone")
                if route == "/big":
                    return self.send(200, article("Olbrzym", POLISH * 300).encode())
                if route == "/bomb":
                    body = gzip.compress(b"<html><body>" + b" " * 60_000_000 + b"</body></html>")
                    return self.send(200, body, Content_Encoding="gzip")
                if route == "/cp1250-header":
                    return self.send(
                        200,
                        article("Zażółć gęślą jaźń", charset_meta=None).encode("cp1250"),
                        "text/html; charset=windows-1250",
                    )
                if route == "/cp1250-meta":
                    return self.send(
                        200,
                        article("Źródło: Łódź i Kraków", charset_meta="windows-1250").encode(
                            "cp1250"
                        ),
                        "text/html",
                    )
                if route == "/cp1250-none":
                    return self.send(
                        200,
                        article("Świętokrzyskie śniadanie", charset_meta=None).encode("cp1250"),
                        "text/html",
                    )
                if route == "/wrong-charset":
                    return self.send(
                        200,
                        article("Mińsk, Grodno i Brześć", charset_meta=None).encode("cp1250"),
                        "text/html; charset=utf-8",
                    )
                if route == "/latin2":
                    return self.send(
                        200,
                        article("Gdańsk, Sopot i Gdynia", charset_meta=None).encode("iso-8859-2"),
                        "text/html; charset=iso-8859-2",
                    )
                if route == "/photo":
                    return self.send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 2000, "image/png")
                if route == "/export":
                    return self.send(200, b'{"title": "nie artyku\\u0142"}', "application/json")
                if route == "/malformed":
                    body = (
                        '<html><head><meta charset="utf-8"><meta property="og:type" content="article">'
                        "<title>Połamany HTML</title><body><article><h1>Połamany HTML</h1><div><p>"
                        + POLISH
                        + "<p>"
                        + POLISH
                        + "<table><tr><td>komórka<td>druga</table></span></b></i><<<>>"
                    )
                    return self.send(200, body.encode())
                if route == "/list":
                    page = int(
                        dict(
                            p.split("=") for p in (urlsplit(path).query or "page=1").split("&")
                        ).get("page", 1)
                    )
                    items = "".join(
                        f'<li><a href="/trap-article-{i}">Wpis {i}</a></li>' for i in range(1, 4)
                    )
                    body = f'<html><body><ul>{items}</ul><a href="/list?page={page + 1}">Następna »</a></body></html>'
                    return self.send(200, body.encode())
                if route == "/series":
                    # four listing pages; each article links to the next page's articles, which
                    # an article page thus shows before their listing page does
                    page = int(dict([(urlsplit(path).query or "page=1").split("=")])["page"])
                    items = "".join(
                        f'<li><a href="/series-article-{page}-{i}">Seria {page}.{i}</a></li>'
                        for i in range(1, 4)
                    )
                    more = f'<a href="/series?page={page + 1}">Następna »</a>' if page < 4 else ""
                    body = f"<html><body><ul>{items}</ul>{more}</body></html>"
                    return self.send(200, body.encode())
                if route.startswith("/series-article-"):
                    page, number = (int(n) for n in route.rsplit("-", 2)[1:])
                    related = "".join(
                        f'<a href="/series-article-{page + 1}-{i}">Powiązany {i}</a>'
                        for i in range(1, 4)
                    )
                    title = f"Seria {page}.{number}"
                    return self.send(200, article(title, extra=related).encode())
                if route.startswith("/trap-article-"):
                    return self.send(
                        200, article(f"Wpis {route.rsplit('-', 1)[1]} z listy").encode()
                    )
                if route == "/session":
                    # a new session id in every link: canonical URLs drop it, one fetch is enough
                    token = f"{time.monotonic_ns():x}"
                    body = (
                        f'<html><body><a href="/session?PHPSESSID={token}">Dalej</a></body></html>'
                    )
                    return self.send(200, body.encode())
                if route == "/events":
                    # an endless calendar: every month links the next one
                    month = int((urlsplit(path).query or "month=0").split("=")[1])
                    body = f'<html><body><h2>Miesiąc {month}</h2><a href="/events?month={month + 1}">następny miesiąc</a></body></html>'
                    return self.send(200, body.encode())
                if route == "/outcomes":
                    # a start page for the outcomes of #24: its own links, a feed, and every
                    # redirect the test set up
                    paths = [*OUTCOME_LINKED, *sorted(fault.redirect_targets)]
                    links = "".join(f'<li><a href="{p}">{p}</a></li>' for p in paths)
                    feed = '<link rel="alternate" type="application/rss+xml" href="/outcomes.rss">'
                    body = (
                        f"<html><head>{feed}</head><body><nav><ul>{links}</ul></nav></body></html>"
                    )
                    return self.send(200, body.encode())
                if route == "/outcomes.rss":
                    item = f"<item><title>Raport</title><link>{fault.base}/with-attachment</link></item>"
                    body = (
                        f'<?xml version="1.0"?><rss version="2.0"><channel>{item}</channel></rss>'
                    )
                    return self.send(200, body.encode(), "application/rss+xml")
                if route in ("/report", "/files/raport.pdf"):
                    return self.send(200, PDF, "application/pdf")
                if route == "/with-attachment":
                    link = '<p><a href="/files/raport.pdf">Raport z posiedzenia (PDF)</a></p>'
                    return self.send(200, article("Raport klastra", extra=link).encode())
                if route == "/to-file":
                    return self.send(301, b"", Location="file:///etc/passwd")
                if route == "/gzipped":
                    body = gzip.compress(article("Spakowany artykuł").encode())
                    return self.send(200, body, Content_Encoding="gzip")
                if route == "/untyped":
                    return self.send(200, article("Bez nagłówka typu").encode(), content_type="")
                if route == "/xhtml":
                    body = article("Artykuł w XHTML").replace(
                        "<html", '<html xmlns="http://www.w3.org/1999/xhtml"', 1
                    )
                    return self.send(200, body.encode(), "application/xhtml+xml; charset=utf-8")
                if route in fault.redirect_targets:
                    return self.send(302, b"", Location=fault.redirect_targets[route])
                return self.send(404, b"unknown")

        return Handler


# the smallest PDF readers open: at a page URL it is no page, linked as a .pdf an attachment
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

# the links of /outcomes (besides the redirects a test sets up); /with-attachment only its feed
# lists, so that the article is taken as news when it comes, its attachment asked for at once
OUTCOME_LINKED = [
    "/report",
    "/photo",
    "/export",
    "/to-file",
    "/gzipped",
    "/untyped",
    "/xhtml",
]

LINKED = [
    "/robots-blocked/secret",
    "/flaky",
    "/busy",
    "/slow",
    "/reset",
    "/truncated",
    "/loop-a",
    "/gone404",
    "/gone410",
    "/big",
    "/bomb",
    "/cp1250-header",
    "/cp1250-meta",
    "/cp1250-none",
    "/wrong-charset",
    "/latin2",
    "/photo",
    "/export",
    "/malformed",
    "/list?page=1",
    "/series?page=1",
    "/session?PHPSESSID=first",
    "/events?month=1",
    "/to-loopback-2",
    "/to-metadata",
    "ftp://127.0.0.1/file.txt",
]
