"""The server's listening socket, bound before anything says "serving on", so that a port in use or an
address this machine does not have is one clear error (uvicorn would print its own line and exit 3).

    sock = listen_socket("127.0.0.1", 8000)   # raises ConfigError naming the address and the cause
"""

from __future__ import annotations

import errno
import socket

from frontwire.errors import ConfigError


def listen_socket(host: str, port: int) -> socket.socket:
    """A bound TCP socket on host:port for uvicorn to serve on; `ConfigError` when it cannot be bound."""
    where = f"{host}:{port}" if ":" not in host else f"[{host}]:{port}"
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except socket.gaierror as exc:
        raise ConfigError(where, f"cannot listen there: the host does not resolve ({exc.strerror})") from exc
    # IPPROTO_TCP, not 0: asyncio turns Nagle off (TCP_NODELAY) only on sockets whose protocol says TCP,
    # and without it a keep-alive client waits ~40 ms (delayed ACK) for every response's second segment.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: restart past TIME_WAIT
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise ConfigError(
                where, "the port is in use by another program; stop it or choose another with --port"
            ) from exc
        if exc.errno == errno.EACCES:
            raise ConfigError(where, "no permission to listen on this port (under 1024 needs root)") from exc
        raise ConfigError(where, f"cannot listen there: {exc.strerror or exc}") from exc
    sock.set_inheritable(True)
    return sock


__all__ = ["listen_socket"]
