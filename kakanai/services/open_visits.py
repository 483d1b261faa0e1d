"""Open visits kept on disk, encrypted at rest (AES-GCM with a key per installation).

After a crash or a power cut the next start offers each open visit for resume with its data.
A file that cannot be decrypted (another installation's, damaged, or sealed with a key that was
lost) is set aside as ``.bad``, never deleted, and `set_aside` lists it so the clerk is told.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kakanai.domain.visit_session import VisitSession
from kakanai.keys import derive

log = logging.getLogger(__name__)


class OpenVisitStore:
    """One encrypted file per unfinished visit in ``<data>/open``."""

    def __init__(self, folder: Path, installation_key: bytes) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.set_aside: list[Path] = []  # files the last `load_all` could not read (now ``.bad``)
        self._aead = AESGCM(derive(installation_key, "open-visits"))

    def save(self, session: VisitSession) -> None:
        """Write the session (atomically: a crash mid-write keeps the previous version)."""
        nonce = os.urandom(12)
        plain = json.dumps(session.to_dict(), ensure_ascii=False).encode("utf-8")
        sealed = nonce + self._aead.encrypt(nonce, plain, session.visit_id.encode())
        target = self.folder / f"{session.visit_id}.visit"
        temporary = target.with_suffix(".tmp")
        temporary.write_bytes(sealed)
        os.replace(temporary, target)

    def remove(self, visit_id: str) -> None:
        """Forget a visit that ended."""
        (self.folder / f"{visit_id}.visit").unlink(missing_ok=True)

    def load_all(self) -> list[VisitSession]:
        """Every open visit that can be read, oldest first; unreadable files are renamed ``.bad``
        and listed in `set_aside`."""
        sessions = []
        self.set_aside = []
        for path in sorted(self.folder.glob("*.visit")):
            try:
                sealed = path.read_bytes()
                plain = self._aead.decrypt(sealed[:12], sealed[12:], path.stem.encode())
                sessions.append(VisitSession.from_dict(json.loads(plain)))
            except (InvalidTag, ValueError, KeyError, TypeError, OSError) as exc:
                log.error("open visit %s unreadable, set aside (%s)", path.name, type(exc).__name__)
                path.rename(path.with_suffix(".bad"))
                self.set_aside.append(path.with_suffix(".bad"))
        return sorted(sessions, key=lambda s: s.started_at)
