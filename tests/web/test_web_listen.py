"""The served socket: asyncio turns Nagle's algorithm off only on sockets that say they are TCP, and with it
on, a keep-alive client (the map, any API client) waited ~40 ms for the second segment of every response."""

from __future__ import annotations

import asyncio
import socket
import threading

from frontwire.web.listen import listen_socket


def test_connections_on_the_served_socket_have_nagle_off() -> None:
    sock = listen_socket("127.0.0.1", 0)
    port = sock.getsockname()[1]
    seen: list[int] = []

    async def main() -> None:
        def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            peer = writer.get_extra_info("socket")
            seen.append(peer.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_connect, sock=sock)
        async with server:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            for _ in range(50):
                if seen:
                    break
                await asyncio.sleep(0.02)
            writer.close()

    # Its own thread: the browser tests' Playwright keeps an event loop running in this one.
    runner = threading.Thread(target=asyncio.run, args=(main(),))
    runner.start()
    runner.join(timeout=10)
    assert seen and seen[0] != 0
