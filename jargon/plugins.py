"""The plugin manager: built-ins, entry points, local plugin folders, and isolation.

Order of registration (first one wins a name clash, and the clash is reported):
1. built-in plugins (``jargon.builtin.BUILTIN_PLUGINS``)
2. installed packages exposing the ``jargon`` entry-point group
3. single-file plugins in the folders named by ``JARGON_PLUGINS`` (os.pathsep separated)
   and in the user's config folder (``<user config dir>/jargon/plugins``)
4. files or folders given with ``--plugin PATH`` for one run

``--no-plugins`` (``no_plugins=True``) or ``JARGON_NO_PLUGINS=1`` skips 2 and 3 (built-ins
and ``--plugin`` still load).

Isolation: a plugin that fails to import (``SystemExit`` and ``KeyboardInterrupt`` included),
or raises in a hook, is reported in one line and skipped. What a plugin prints while it is
imported or while its hooks run goes to stderr, never into stdout (which may be JSON). An
import that takes more than :data:`SLOW_IMPORT_SECONDS` is reported while it runs. The
readers, formats and languages a non-built-in plugin contributes are wrapped
(:class:`Guarded`) so that an exception in its ``read``, ``sniff``, ``write``, analyser
factory or analyser methods becomes a :class:`~jargon.errors.PluginError` naming the plugin
(one line, exit 2), never a traceback or another exit code.
"""
from __future__ import annotations

import contextlib
import importlib
import importlib.util
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pluggy

from . import hookspecs
from .errors import JargonError, PluginError

ENTRY_POINT_GROUP = "jargon"
SLOW_IMPORT_SECONDS = 3.0     # a plugin import slower than this is reported on stderr
# a failure of a plugin's own code: any exception, and SystemExit or KeyboardInterrupt raised by it
# (a plugin must not end the run or set its exit status)
PLUGIN_FAILURES = (Exception, SystemExit, KeyboardInterrupt)


def default_report(message: str) -> None:
    from .escape import terminal

    print(f"jargon: {terminal(message)}", file=sys.stderr)


@dataclass
class PluginInfo:
    name: str
    kind: str                 # "builtin", "entrypoint", "local", "path"
    version: str | None = None
    origin: str | None = None  # module name, distribution or file path
    module: Any = None


@dataclass
class PluginManager:
    """Loads plugins once and collects their contributions, isolating failures."""

    extra_paths: tuple[str, ...] = ()
    report: Callable[[str], None] = default_report
    autoload: bool = True     # False: built-ins and extra_paths only (--no-plugins)
    pm: pluggy.PluginManager = field(init=False)
    infos: list[PluginInfo] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    _cache: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        if os.environ.get("JARGON_NO_PLUGINS", "").strip() not in ("", "0"):
            self.autoload = False
        self._load_builtins()
        if self.autoload:
            self._load_entry_points()
            for folder in local_plugin_folders():
                self._load_path(folder, kind="local")
        for path in self.extra_paths:
            self._load_path(Path(path), kind="path", must_exist=True)

    # -- loading ---------------------------------------------------------
    def _fail(self, message: str) -> None:
        self.failures.append(message)
        self.report(message)

    def _register(self, module: Any, info: PluginInfo) -> None:
        try:
            self.pm.register(module, name=info.name)
        except ValueError as exc:  # duplicate plugin name
            self._fail(f"plugin {info.name!r} ({info.origin}) not loaded: {exc}")
            return
        except Exception as exc:  # pluggy validation errors (bad hook names, signatures)
            self._fail(f"plugin {info.name!r} ({info.origin}) is invalid: {_one_line(exc)}; skipped")
            return
        info.module = module
        self.infos.append(info)
        for caller in self.pm.get_hookcallers(module) or ():
            optional = any(i.plugin is module and i.optionalhook for i in caller.get_hookimpls())
            if not caller.has_spec() and not optional:
                self._fail(f"plugin {info.name!r} ({info.origin}) implements unknown hook {caller.name!r} "
                           f"(a typo, or written for another jargon version?); it is never called")

    def _load_builtins(self) -> None:
        from . import __version__
        from .builtin import BUILTIN_PLUGINS

        for modname in BUILTIN_PLUGINS:
            module = importlib.import_module(modname)
            self._register(module, PluginInfo(modname.rsplit(".", 1)[-1], "builtin", __version__, modname))

    def _load_entry_points(self) -> None:
        from importlib.metadata import entry_points

        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            dist = getattr(ep, "dist", None)
            version = getattr(dist, "version", None) if dist else None
            origin = f"{dist.name if dist else '?'} ({ep.value})"
            try:
                with self._importing(ep.name):
                    module = ep.load()
            except PLUGIN_FAILURES as exc:
                self._fail(f"plugin {ep.name!r} from {origin} failed to load: {_one_line(exc)}; skipped")
                continue
            self._register(module, PluginInfo(ep.name, "entrypoint", version, origin))

    def _load_path(self, path: Path, kind: str, must_exist: bool = False) -> None:
        if not path.exists():
            if must_exist:
                self._fail(f"plugin path {str(path)!r} does not exist; skipped")
            return
        files = sorted(p for p in path.glob("*.py") if not p.name.startswith("_")) if path.is_dir() else [path]
        for file in files:
            name = file.stem
            modname = f"jargon_local_plugin_{name}"
            try:
                spec = importlib.util.spec_from_file_location(modname, file)
                if spec is None or spec.loader is None:
                    raise ImportError("not a Python file")
                module = importlib.util.module_from_spec(spec)
                # in sys.modules while it runs: dataclasses, pickling and typing look modules up there
                sys.modules[modname] = module
                with self._importing(name):
                    spec.loader.exec_module(module)
            except PLUGIN_FAILURES as exc:
                sys.modules.pop(modname, None)
                self._fail(f"plugin {name!r} ({file}) failed to load: {_one_line(exc)}; skipped")
                continue
            self._register(module, PluginInfo(name, kind, getattr(module, "__version__", None), str(file)))

    @contextlib.contextmanager
    def _importing(self, name: str) -> Iterator[None]:
        """Around a plugin's import: its prints go to stderr; a slow import is reported once
        (while it runs when reporting to stderr, else when it is done)."""
        warned = threading.Event()

        def warn() -> None:
            warned.set()
            default_report(f"plugin {name!r} is taking more than {SLOW_IMPORT_SECONDS:g} s to import "
                           f"(--no-plugins skips installed plugins)")

        timer = threading.Timer(SLOW_IMPORT_SECONDS, warn) if self.report is default_report else None
        if timer is not None:
            timer.daemon = True
            timer.start()
        start = time.monotonic()
        try:
            with contextlib.redirect_stdout(sys.stderr):
                yield
        finally:
            if timer is not None:
                timer.cancel()
            elapsed = time.monotonic() - start
            if elapsed > SLOW_IMPORT_SECONDS and not warned.is_set():
                self.report(f"plugin {name!r} took {elapsed:.1f} s to import")

    # -- calling hooks -----------------------------------------------------
    def call(self, hook_name: str) -> list[tuple[str, Any]]:
        """Call every implementation of a hook separately: ``[(plugin name, item), ...]``.

        An implementation that raises, or returns something that is not a list, is
        reported in one line and skipped; the others still contribute.
        """
        hook = getattr(self.pm.hook, hook_name)
        results: list[tuple[str, Any]] = []
        # get_hookimpls() is in registration order (trylast ones moved to the front, tryfirst ones to
        # the back); pluggy *calls* them in reverse. We want registration order, so that the first
        # plugin wins a name clash, with tryfirst/trylast still honoured. Wrappers are not contributions.
        impls = [i for i in hook.get_hookimpls() if not (i.hookwrapper or i.wrapper)]
        impls.sort(key=lambda i: 0 if i.tryfirst else 2 if i.trylast else 1)
        for impl in impls:
            try:
                with contextlib.redirect_stdout(sys.stderr):
                    value = impl.function()
                    if value is None:
                        continue
                    items = list(value)
            except PLUGIN_FAILURES as exc:
                self._fail(f"plugin {impl.plugin_name!r} failed in {hook_name}: {_one_line(exc)}; skipped")
                continue
            results.extend((impl.plugin_name, item) for item in items)
        return results

    def _named(self, hook_name: str, what: str, check: Callable[[Any], str | None]) -> dict[str, tuple[str, Any]]:
        key = ("named", hook_name)
        if key in self._cache:
            return self._cache[key]
        out: dict[str, tuple[str, Any]] = {}
        for plugin, item in self.call(hook_name):
            name = check(item)
            if name is None:
                self._fail(f"plugin {plugin!r} returned an invalid {what} from {hook_name}: {item!r:.60}; skipped")
                continue
            if name in out:
                first = out[name][0]
                self._fail(f"{what} {name!r} from plugin {plugin!r} clashes with the one from {first!r}; "
                           f"keeping {first!r}'s")
                continue
            out[name] = (plugin, self._guard(plugin, item))
        self._cache[key] = out
        return out

    def _guard(self, plugin: str, item: Any) -> Any:
        """A non-built-in plugin's reader, format or language with its code wrapped in :class:`Guarded`."""
        from .contributions import InputReader, Language, OutputFormat

        if plugin in self._builtin_names():
            return item
        if isinstance(item, InputReader):
            sniff = Guarded(plugin, f"input reader {item.name!r} (sniff)", item.sniff) if item.sniff else None
            return replace(item, read=Guarded(plugin, f"input reader {item.name!r}", item.read), sniff=sniff)
        if isinstance(item, OutputFormat):
            # no stdout redirection here: the format may be writing to stdout
            return replace(item, write=Guarded(plugin, f"output format {item.name!r}", item.write, quiet=False))
        if isinstance(item, Language):
            return replace(item, analyzer=GuardedAnalyzerFactory(plugin, item.code, item.analyzer))
        return item

    def _builtin_names(self) -> set[str]:
        return {i.name for i in self.infos if i.kind == "builtin"}

    def output_formats(self) -> dict[str, Any]:
        from .contributions import OutputFormat

        named = self._named("jargon_output_formats", "output format",
                            lambda f: f.name if isinstance(f, OutputFormat) else None)
        return {name: item for name, (_, item) in named.items()}

    def input_readers(self) -> dict[str, Any]:
        from .contributions import InputReader

        named = self._named("jargon_input_readers", "input reader",
                            lambda r: r.name if isinstance(r, InputReader) else None)
        return {name: item for name, (_, item) in named.items()}

    def languages(self) -> dict[str, Any]:
        from .contributions import Language

        named = self._named("jargon_languages", "language",
                            lambda lang: lang.code if isinstance(lang, Language) else None)
        return {name: item for name, (_, item) in named.items()}

    def dictionaries(self) -> dict[str, Any]:
        """All contributed dictionaries by name, loaded and validated.

        A dictionary file that fails validation is reported and skipped here (the
        decode command names dictionaries explicitly with ``--dict`` to get a hard error).
        """
        key = ("dictionaries",)
        if key in self._cache:
            return self._cache[key]
        from dataclasses import replace

        from .dictionary import load_dictionary
        from .model import Dictionary

        out: dict[str, Any] = {}
        for plugin, item in self.call("jargon_dictionaries"):
            try:
                if isinstance(item, Dictionary):
                    d = item
                elif isinstance(item, (str, os.PathLike)):
                    d = load_dictionary(item)
                else:
                    raise JargonError(f"not a Dictionary or a path: {item!r:.60}")
            except JargonError as exc:
                self._fail(f"plugin {plugin!r}: dictionary skipped: {exc}")
                continue
            if d.plugin is None:
                d = replace(d, plugin=plugin)
            if d.name in out:
                first = out[d.name]
                self._fail(f"dictionary {d.name!r} from plugin {plugin!r} clashes with the one from "
                           f"{first.plugin!r}; keeping {first.plugin!r}'s")
                continue
            out[d.name] = d
        self._cache[key] = out
        return out

    def contributions(self) -> dict[str, dict[str, list[str]]]:
        """What each plugin contributes: ``{plugin: {"dictionaries": [...], "formats": [...], ...}}``."""
        result: dict[str, dict[str, list[str]]] = {i.name: {} for i in self.infos}
        for kind, mapping in (("dictionaries", {n: d.plugin for n, d in self.dictionaries().items()}),
                              ("formats", {n: p for n, (p, _) in self._named_cached("jargon_output_formats").items()}),
                              ("readers", {n: p for n, (p, _) in self._named_cached("jargon_input_readers").items()}),
                              ("languages", {n: p for n, (p, _) in self._named_cached("jargon_languages").items()})):
            for name, plugin in mapping.items():
                result.setdefault(plugin, {}).setdefault(kind, []).append(name)
        return result

    def _named_cached(self, hook_name: str) -> dict[str, tuple[str, Any]]:
        {"jargon_output_formats": self.output_formats, "jargon_input_readers": self.input_readers,
         "jargon_languages": self.languages}[hook_name]()
        return self._cache[("named", hook_name)]


@dataclass(frozen=True)
class Guarded:
    """A plugin's function whose failure is a one-line :class:`PluginError` naming the plugin.

    ``JargonError`` (a plugin's own clear message) and ``BrokenPipeError`` pass through; any
    other exception, ``SystemExit`` and ``KeyboardInterrupt`` included, is the plugin's failure.
    With ``quiet``, what the function prints goes to stderr. Picklable when ``function`` is.
    """

    plugin: str
    what: str
    function: Callable[..., Any]
    quiet: bool = True

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            if not self.quiet:
                return self.function(*args, **kwargs)
            with contextlib.redirect_stdout(sys.stderr):
                return self.function(*args, **kwargs)
        except (JargonError, BrokenPipeError):
            raise
        except PLUGIN_FAILURES as exc:
            raise PluginError(f"plugin {self.plugin!r} failed in {self.what}: {_one_line(exc)}") from None


@dataclass(frozen=True)
class GuardedAnalyzerFactory:
    """A language's analyser factory whose analyser has every public method :class:`Guarded`
    (without stdout redirection: the engine calls them for every distinct word form)."""

    plugin: str
    code: str
    factory: Callable[[], Any]

    def __call__(self) -> Any:
        analyzer = Guarded(self.plugin, f"language {self.code!r} (analyzer)", self.factory)()
        for name in dir(type(analyzer)):
            method = getattr(analyzer, name, None)
            if name.startswith("_") or not callable(method) or not hasattr(method, "__self__"):
                continue
            try:
                setattr(analyzer, name, Guarded(self.plugin, f"language {self.code!r} ({name})", method, quiet=False))
            except (AttributeError, TypeError):   # __slots__ or a read-only attribute: left as it is
                break
        return analyzer


def local_plugin_folders() -> list[Path]:
    folders = [Path(p) for p in os.environ.get("JARGON_PLUGINS", "").split(os.pathsep) if p.strip()]
    folders.append(user_config_dir() / "plugins")
    return folders


def user_config_dir() -> Path:
    override = os.environ.get("JARGON_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("jargon", appauthor=False))


def user_data_dir() -> Path:
    override = os.environ.get("JARGON_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("jargon", appauthor=False))


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}".rstrip(": ")


_default: PluginManager | None = None
_default_key: tuple[tuple[str, ...], bool] = ((), False)


def get_plugin_manager(extra_paths: Iterable[str] = (), report: Callable[[str], None] | None = None,
                       no_plugins: bool = False) -> PluginManager:
    """The process-wide plugin manager (created on first use, again when the arguments change).

    ``no_plugins``: built-ins and ``extra_paths`` only (``--no-plugins``).
    """
    global _default, _default_key
    key = (tuple(extra_paths), no_plugins)
    if _default is None or key != _default_key or (report is not None and report is not _default.report):
        _default = PluginManager(extra_paths=key[0], report=report or default_report, autoload=not no_plugins)
        _default_key = key
    return _default


def reset_plugin_manager() -> None:
    global _default
    _default = None
