"""Scrapy's downloader with the transfer slot reserved when a request leaves the queue.

The bug (Scrapy 2.14.0 to 2.19.0; 2.13.4 does not have it)
------------------------------------------------------------
``Downloader._process_queue`` takes requests off a slot's queue while
``slot.free_transfer_slots() > 0`` and schedules each download as a task. The request is
counted in ``slot.transferring`` only when that task runs ``_download``. With the asyncio
reactor, Scrapy's default, a task first runs after the current callback returns, so within the
loop ``free_transfer_slots()`` never goes down and the loop empties the queue: in
``tests/test_concurrency.py`` ``CONCURRENT_REQUESTS_PER_DOMAIN = 2`` let 16 requests at once
(the ``CONCURRENT_REQUESTS`` cap) reach one site. Other reactors start the coroutine
synchronously (Twisted's ``Deferred.fromCoroutine``), so it reaches ``slot.transferring.add``
before the loop checks again and the limit holds. 2.13 called ``_download`` synchronously too;
2.14 turned it into a coroutine run as a task.

Why the fix belongs here
------------------------
The count the loop checks has to change inside the loop, so the request joins
``slot.transferring`` in the same step that takes it off the queue, before its task exists.
Limiting elsewhere (a middleware semaphore, the scheduler, a reactor choice) would leave the
downloader's own accounting wrong, and AutoThrottle reads ``len(slot.transferring)`` too.

Releasing the reservation
-------------------------
``_download`` is unchanged: its ``slot.transferring.add`` is now a no-op, and its ``finally``
still frees the slot as soon as the response or the error arrives (success, exception,
cancellation during the transfer), in the order upstream relies on. The new gap is a task that
ends without entering ``_download``: cancelled before its first step (its body never runs, so
no ``try`` inside it can help) or failing before the call. So the task is kept as a Deferred,
as the docstring of ``scrapy.utils.defer._schedule_coro`` advises, and when it ends, however
it ends, ``_download_task_done`` frees a reservation still held and, if the task gave no
answer (``_wait_for_download`` catches ``Exception``, not cancellation), fails the request
instead of leaving ``_enqueue_request`` waiting, and holding ``slot.active``, forever.

Only ``_process_queue`` is copied from Scrapy 2.19.0 (the changed lines are marked); the
project pins ``scrapy>=2.19,<2.20``. ``docs/upstream/scrapy-downloader-reserve-slot.patch`` is
the same fix against Scrapy's own file. ``test_stock_scrapy_downloader_still_overshoots_the_limit``
fails once Scrapy fixes this itself: then remove this module and the ``DOWNLOADER`` setting.
"""

from __future__ import annotations

from time import monotonic
from typing import TYPE_CHECKING

from scrapy.core.downloader import Downloader, Slot
from scrapy.utils.asyncio import call_later
from scrapy.utils.defer import deferred_from_coro

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.http import Response
    from twisted.internet.defer import Deferred
    from twisted.python.failure import Failure


class SlotReservingDownloader(Downloader):
    """Scrapy's ``Downloader``, holding ``CONCURRENT_REQUESTS_PER_DOMAIN`` under asyncio."""

    def _process_queue(self, slot: Slot) -> None:
        if slot.latercall:
            # block processing until slot.latercall is called
            return

        # Delay queue processing if a download_delay is configured
        now = monotonic()
        delay = slot.download_delay()
        if delay:
            penalty = delay - now + slot.lastseen
            if penalty > 0:
                slot.latercall = call_later(penalty, self._latercall, slot)
                return

        # Process enqueued requests if there are free slots to transfer for this slot
        while slot.queue and slot.free_transfer_slots() > 0:
            slot.lastseen = now
            request, queue_dfd = slot.queue.popleft()
            # changed: reserve the transfer slot now, as the task may start only after this
            # loop, and keep the task to free the reservation if it never reaches _download()
            slot.transferring.add(request)
            dfd = deferred_from_coro(self._wait_for_download(slot, request, queue_dfd))
            dfd.addBoth(self._download_task_done, slot, request, queue_dfd)
            # prevent burst if inter-request delays were configured
            if delay:
                self._process_queue(slot)
                break

    def _download_task_done(
        self,
        result: Failure | None,
        slot: Slot,
        request: Request,
        queue_dfd: Deferred[Response],
    ) -> Failure | None:
        """When a download task ends, however it ends, free what it still holds."""
        if request in slot.transferring:
            # _download() frees it when the transfer ends: the task ended before getting there
            slot.transferring.remove(request)
            self._process_queue(slot)
        if queue_dfd.called:
            return result  # None, or an error after the answer: logged as unhandled
        # Cancelled (before or during _download(), which only catches Exception): without an
        # answer _enqueue_request() would wait, holding its place in slot.active, forever.
        queue_dfd.errback(result)
        return None
