"""All the packs a learner has: the built-in course, installed packs and packs from plugins.

A pack that fails to load is kept aside as :class:`Broken` with its problems, so one bad pack
never hides the others.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tutor.packs.errors import PackError, Problem
from tutor.packs.loader import load_pack, parse_pack, version_key
from tutor.packs.model import Pack
from tutor.packs.source import PackFiles
from tutor.paths import builtin_lessons_dir, ensure_private_dir

ENTRY_POINT_GROUP = "netsteps.packs"
# Beside an installed pack: where it was installed from, for anyone looking in the folder.
ORIGIN_FILE = "ORIGIN"


@dataclass(frozen=True)
class Broken:
    origin: str
    error: PackError


@dataclass(frozen=True)
class InstallPlan:
    """What an install would do, shown to the learner before they say yes."""

    pack: Pack
    files: PackFiles
    action: str  # "new", "upgrade", "reinstall", "downgrade" or "replace"
    installed: Pack | None = None


@dataclass
class Library:
    """Every pack by id. A pack may come in several languages (the same id, lesson ids and step
    keys, its own ``language``): :attr:`packs` shows the variant in the learner's language, else
    the first one found, and progress carries over because the keys are the same."""

    data_dir: Path
    builtin_dir: Path | None = None
    use_entry_points: bool = True
    variants: dict[str, list[Pack]] = field(default_factory=dict)
    broken: list[Broken] = field(default_factory=list)

    @property
    def packs(self) -> list[Pack]:
        """One pack per id, in the learner's language where the pack has it."""
        from tutor.messages import language

        wanted = language()
        return [next((pack for pack in group if _language(pack) == wanted), group[0])
                for group in self.variants.values()]

    def clear(self) -> None:
        self.variants, self.broken = {}, []

    def add(self, pack: Pack) -> None:
        """Add a pack read elsewhere (an author's preview)."""
        self.variants.setdefault(pack.id, []).append(pack)

    @property
    def installed_dir(self) -> Path:
        return self.data_dir / "packs"

    def load(self, *, with_plugins: bool = True) -> Library:
        """Read every pack again; ``with_plugins=False`` leaves the plugin scan for later."""
        self.clear()
        builtin = self.builtin_dir or builtin_lessons_dir()
        for folder in _pack_folders(builtin):
            self._add(folder, builtin=True)
        for folder in _pack_folders(self.installed_dir):
            self._add(folder)
        if with_plugins and self.use_entry_points:
            self.load_plugins()
        return self

    def load_plugins(self) -> int:
        """Add packs from installed Python packages; returns how many were added.

        Separate from :meth:`load` so the tutor can paint its first screen before scanning
        every installed package.
        """
        before = len(self.packs)
        for name, path in _entry_point_paths(self.broken):
            self._add(path, origin=name)
        return len(self.packs) - before

    def _add(self, folder: Path, *, builtin: bool = False, origin: str = "") -> None:
        from tutor.packs import cache

        pack = cache.load_cached(folder) if builtin else None
        if pack is None:
            try:
                pack = load_pack(folder, builtin=builtin)
            except PackError as error:
                self.broken.append(Broken(origin or str(folder), error))
                return
            if builtin:
                cache.save_cached(folder, pack)
        group = self.variants.get(pack.id, [])
        same_kind = all(other.builtin == pack.builtin for other in group)
        if group and (not same_kind or any(_language(o) == _language(pack) for o in group)):
            self.broken.append(Broken(origin or str(folder), PackError(Problem(
                "pack.toml", "id", f"another pack already uses the id '{pack.id}'"))))
            return
        self.variants.setdefault(pack.id, []).append(pack)

    def get(self, pack_id: str) -> Pack | None:
        return next((pack for pack in self.packs if pack.id == pack_id), None)

    # Installing

    def plan_install(self, files: PackFiles, *, replace: bool = False) -> InstallPlan:
        """Check a pack and say what installing it would do; raise PackError if it may not."""
        pack = parse_pack(files.files, source=files.origin)
        group = self.variants.get(pack.id, [])
        installed = next((p for p in group if _language(p) == _language(pack)), None)
        if installed is None and group and not group[0].builtin and \
                set(group[0].authors) == set(pack.authors):
            return InstallPlan(pack, files, "language", group[0])  # a translation beside it
        installed = installed or (group[0] if group else None)
        if installed is None:
            return InstallPlan(pack, files, "new")
        if installed.builtin:
            raise PackError(Problem(str(files.origin.name), "id", f"the id '{pack.id}' belongs "
                            "to the built-in course, which a pack cannot replace",
                            "give the pack another id in its pack.toml"))
        same_pack = set(installed.authors) == set(pack.authors)
        if not same_pack:
            if not replace:
                raise PackError(Problem(str(files.origin.name), "id", f"a different pack "
                                f"('{installed.title}' by {', '.join(installed.authors)}) is "
                                f"installed with the id '{pack.id}'",
                                "add --replace to put this one in its place"))
            return InstallPlan(pack, files, "replace", installed)
        old, new = version_key(installed.version), version_key(pack.version)
        action = "upgrade" if new > old else "reinstall" if new == old else "downgrade"
        return InstallPlan(pack, files, action, installed)

    def install(self, plan: InstallPlan) -> Path:
        """Copy the pack's files into the data directory, replacing an older copy atomically."""
        ensure_private_dir(self.installed_dir)
        target = self.installed_dir / plan.pack.id
        if plan.action == "language":
            target = self.installed_dir / f"{plan.pack.id}.{_language(plan.pack)}"
        elif plan.installed is not None and self.is_installed(plan.installed) and \
                plan.installed.source is not None and plan.action != "replace":
            target = plan.installed.source  # an upgrade of a translation stays in its folder
        staging = Path(tempfile.mkdtemp(prefix=".install-", dir=self.installed_dir))
        try:
            for name, data in plan.files.files.items():
                _write_private(staging / name, data)
            _write_private(staging / ORIGIN_FILE, str(plan.files.origin).encode())
            if target.exists():
                old = self.installed_dir / f".old-{plan.pack.id}"
                shutil.rmtree(old, ignore_errors=True)
                os.replace(target, old)
                os.replace(staging, target)
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.replace(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        if os.name == "posix":
            os.chmod(target, 0o700)
        self.load()
        return target

    def remove(self, pack_id: str) -> bool:
        """Remove an installed pack, every language of it. Built-in and plugin packs are not
        removable here."""
        targets = [pack.source for pack in self.variants.get(pack_id, [])
                   if self.is_installed(pack) and pack.source is not None]
        plain = self.installed_dir / pack_id
        if (plain / "pack.toml").is_file() and plain not in targets:
            targets.append(plain)
        if not targets:
            return False
        for target in targets:
            shutil.rmtree(target)
        self.load()
        return True

    def is_installed(self, pack: Pack) -> bool:
        return pack.source is not None and pack.source.parent == self.installed_dir

    def package_of(self, pack: Pack) -> str:
        """The Python package that brought ``pack``, or "": removing a pack names what to uninstall.

        Asked only when a learner tries to remove such a pack, so loading never pays for it.
        """
        from importlib.metadata import entry_points

        if pack.source is None:
            return ""
        for point in entry_points(group=ENTRY_POINT_GROUP):
            dist = getattr(point, "dist", None)
            try:
                target = point.load()
                target = target() if callable(target) else target
                path = (Path(target.__file__).parent if getattr(target, "__file__", None)
                        else Path(target))
                same = path.resolve() == pack.source.resolve()
            except Exception:  # a plugin's own bug is already reported when packs are loaded
                continue
            if same and dist is not None:
                return str(dist.name)
        return ""



def _pack_folders(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(
        child for child in root.iterdir()
        if not child.name.startswith(".") and (child / "pack.toml").is_file()
    )


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _entry_point_paths(broken: list[Broken]) -> list[tuple[str, Path]]:
    """Pack folders offered by installed Python packages (``pipx inject netsteps their-course``).

    An entry point names a module (its folder is the pack), or an object that is a path or a
    function returning one. Loading it imports that package, which the learner chose to install.
    """
    from importlib.metadata import entry_points

    found: list[tuple[str, Path]] = []
    for point in entry_points(group=ENTRY_POINT_GROUP):
        name = f"{point.name} ({point.value})"
        try:
            target = point.load()
            if callable(target):
                target = target()
            if hasattr(target, "__file__") and target.__file__:
                path = Path(target.__file__).parent
            else:
                path = Path(target)
        except Exception as error:  # a plugin's own bug must not stop the tutor
            broken.append(Broken(name, PackError(Problem(
                point.name, "", f"this plugin pack could not be loaded ({type(error).__name__})"))))
            continue
        found.append((name, path))
    return found


def _language(pack: Pack) -> str:
    """``nb-NO`` and ``nb`` are the same language for choosing a variant."""
    return pack.language.lower().replace("_", "-").split("-")[0]
