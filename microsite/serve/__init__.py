"""The live preview (``build.py serve``): the session that watches the sources and rebuilds
(``session``) through the build's pipeline (``updater``), the server that serves
``site/`` and tells browsers what changed (``server``), and the client it adds to each
page (``client.js``)."""
from __future__ import annotations

from .session import LiveSession, serve
from .updater import SiteUpdater

__all__ = ["LiveSession", "SiteUpdater", "serve"]
