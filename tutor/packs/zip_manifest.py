"""Checking a built zip against its manifest.toml, the SHA-256 sums `pack build` wrote."""

from __future__ import annotations

import tomllib

from tutor.packs.errors import Problem
from tutor.packs.source import _HINT_REBUILD, _shown, sha256


def _check_manifest(
    raw: bytes,
    shown: str,
    prefix: str,
    present: set[str],
    files: dict[str, bytes],
    problems: list[Problem],
) -> None:
    """Check every file against the SHA-256 sums that ``netsteps pack build`` wrote."""
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        problems.append(
            Problem(
                shown, "", "cannot be read, so the pack cannot be checked against it", _HINT_REBUILD
            )
        )
        return
    listed = data.get("files")
    if not isinstance(listed, dict) or not all(
        isinstance(digest, str) for digest in listed.values()
    ):
        problems.append(
            Problem(shown, "", "has no [files] table of file names and SHA-256 sums", _HINT_REBUILD)
        )
        return
    for name in sorted(listed):
        digest = listed[name]
        where = _shown(prefix + name)
        if name not in present:
            problems.append(
                Problem(
                    where,
                    "",
                    "is listed in manifest.toml but is missing from the zip",
                    _HINT_REBUILD,
                )
            )
        elif name in files and sha256(files[name]).hexdigest() != digest.lower():
            problems.append(
                Problem(
                    where,
                    "",
                    "file changed after the pack was built (it does "
                    "not match its SHA-256 sum in manifest.toml)",
                    _HINT_REBUILD,
                )
            )
    for name in sorted(present - set(listed)):
        problems.append(
            Problem(
                _shown(prefix + name),
                "",
                "was added after the pack was built (it is not listed in manifest.toml)",
                _HINT_REBUILD,
            )
        )
