"""`newsx serve`: the same explorer in a web browser on localhost, through textual-serve.

API: `serve(argv, port=8000, host="localhost") -> int` runs `newsx <argv>` (the serve command's
arguments minus `--port`) for each browser session. textual-serve is the optional extra
`newsx[serve]`; without it a one-line message says how to install it and the exit status is 1.
"""

from __future__ import annotations

import shlex
import sys


def command_for(argv: list[str]) -> str:
    """The shell command textual-serve starts: this Python running newsx, without --port."""
    args: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--port":
            skip = True
            continue
        if arg.startswith("--port="):
            continue
        args.append(arg)
    return shlex.join([sys.executable, "-m", "newsx", *args])


def serve(argv: list[str], port: int = 8000, host: str = "localhost") -> int:
    try:
        from textual_serve.server import Server
    except ImportError:
        print('newsx: serve needs textual-serve: pip install "newsx[serve]"', file=sys.stderr)
        return 1
    if not 0 < port < 65536:
        print(f"newsx: --port {port} is not a port number", file=sys.stderr)
        return 2
    print(f"newsx: serving on http://{host}:{port}: open it in a browser (ctrl+c stops)", file=sys.stderr)
    server = Server(command_for(argv), host=host, port=port, title="newsx")
    try:
        server.serve()
    except OSError as exc:
        print(f"newsx: cannot serve on {host}:{port} ({exc.strerror or exc})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0
