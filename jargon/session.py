"""The composition root: one place that builds the plugin manager, the dictionaries and the decoder.

Every command (``jargon/commands/``), the TUI's start-up and each batch worker make a
:class:`Session` from what the user asked for and take what they need from it; nothing
else decides which plugins load or which languages a decoder gets. Each part is built
lazily, on first use, and kept:

- :attr:`Session.plugins`: the process-wide :class:`~jargon.plugins.PluginManager`, with the
  ``--plugin`` paths and ``--no-plugins`` (built-ins and ``--plugin`` only);
- :attr:`Session.dictionaries`: the ``--dict`` selectors (names or paths; none: every installed
  dictionary), raising :class:`~jargon.errors.JargonError` when there is none;
- :attr:`Session.decoder`: a :class:`~jargon.engine.decoder.Decoder` for those dictionaries with
  the threshold, always given the plugin manager's languages (:meth:`Session.decoder_for`).

Textual-free and import-light: the engine is imported only when a decoder is built.
"""
from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .errors import JargonError
from .model import Dictionary
from .plugins import PluginManager, get_plugin_manager


@dataclass
class Session:
    """What one run uses: plugins, dictionaries and a decoder, built on first use."""

    plugin_paths: tuple[str, ...] = ()
    no_plugins: bool = False
    dict_selectors: tuple[str, ...] = ()
    threshold: float | None = None
    report: Callable[[str], None] | None = None    # where plugin problems go (default: stderr)
    explain: bool = False        # matches carry how they matched (--explain)
    near_misses: bool = False    # decoded documents keep the rejected candidates (--near-misses)

    @classmethod
    def from_args(cls, args: argparse.Namespace, **overrides: Any) -> Session:
        """A session from a command's parsed arguments (``--plugin``, ``--no-plugins``, ``--dict``, ``--threshold``)."""
        threshold = getattr(args, "threshold", None)
        if threshold is not None and not 0 <= threshold <= 100:
            raise JargonError("--threshold must be between 0 and 100")
        dicts = getattr(args, "dict", None)
        fields: dict[str, Any] = dict(plugin_paths=tuple(getattr(args, "plugin", None) or ()),
                                      no_plugins=bool(getattr(args, "no_plugins", False)),
                                      dict_selectors=tuple(dicts) if isinstance(dicts, list) else (),
                                      threshold=threshold, explain=bool(getattr(args, "explain", False)),
                                      near_misses=bool(getattr(args, "near_misses", False)))
        fields.update(overrides)
        return cls(**fields)

    @cached_property
    def plugins(self) -> PluginManager:
        return get_plugin_manager(self.plugin_paths, report=self.report, no_plugins=self.no_plugins)

    @cached_property
    def dictionaries(self) -> list[Dictionary]:
        from .catalog import load_dictionaries

        found = load_dictionaries(self.dict_selectors, self.plugins)
        if not found:
            raise JargonError("no dictionaries installed or selected")
        return found

    @cached_property
    def decoder(self) -> Any:
        return self.decoder_for(self.dictionaries, self.threshold)

    def decoder_for(self, dictionaries: Sequence[Dictionary], threshold: float | None = None) -> Any:
        """A decoder for ``dictionaries`` with this session's languages (the one place a Decoder is built)."""
        from .engine.decoder import Decoder

        return Decoder(dictionaries, threshold=threshold, languages=self.plugins.languages(), explain=self.explain,
                       near_misses=self.near_misses)
