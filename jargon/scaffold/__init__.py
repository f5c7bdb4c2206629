"""Templates for ``jargon plugin new`` and ``jargon dict new``, shipped inside the package.

Templates are plain files with ``$name`` placeholders (:class:`string.Template`);
file names may hold placeholders too (``__module__`` and ``__slug__``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template

from jargon.errors import JargonError

_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_EXAMPLE_LANGUAGES = ("ru", "en")   # example entries exist for these; others get the English ones


class ScaffoldError(JargonError):
    """A scaffold that cannot be created (bad name, target exists)."""


@dataclass(frozen=True)
class PluginNames:
    """Every name a plugin package needs, derived from what the user typed."""

    slug: str           # "en-sales": entry-point name and dictionary name
    distribution: str   # "jargon-en-sales": the PyPI name and the folder
    module: str         # "jargon_en_sales": the import name


def plugin_names(name: str) -> PluginNames:
    """``"Sales EN"``, ``"en-sales"`` or ``"jargon-en-sales"`` -> the names of the package."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.strip().lower()).strip("-")
    if slug.startswith("jargon-"):
        slug = slug[len("jargon-"):]
    if not slug or slug == "jargon" or not _SLUG_RE.match(slug):
        raise ScaffoldError(f"cannot make a plugin name out of {name!r}: use letters, digits and '-'")
    return PluginNames(slug, f"jargon-{slug}", "jargon_" + slug.replace("-", "_"))


def dictionary_name(name: str) -> str:
    """A valid dictionary name (letters, digits, '.', '_', '-') from ``name``, or an error."""
    from jargon.dictionary import NAME_RE

    cleaned = name.strip()
    if cleaned.endswith(".toml"):
        cleaned = cleaned[:-5]
    if not NAME_RE.match(cleaned):
        raise ScaffoldError(f"dictionary name {name!r} may hold only letters, digits, '.', '_' and '-'")
    return cleaned


def _template(*parts: str) -> str:
    return resources.files(__name__).joinpath(*parts).read_text(encoding="utf-8")


def render_dictionary(name: str, language: str = "ru", title: str = "") -> str:
    """The TOML text of a new dictionary with two example entries (valid as it stands)."""
    name = dictionary_name(name)
    language = language.strip().lower() or "ru"
    examples = language if language in _EXAMPLE_LANGUAGES else "en"
    entries = _template("dictionary", f"entries-{examples}.toml")
    return Template(_template("dictionary", "dictionary.toml.tmpl")).substitute(
        name=name, title=_toml_escape(title or f"{name} dictionary"), language=language,
        entries=entries.rstrip() + "\n")


def write_dictionary(name: str, folder: str | Path = ".", language: str = "ru", title: str = "",
                     force: bool = False) -> Path:
    """Create ``folder/NAME.toml``; refuses to overwrite unless ``force``."""
    text = render_dictionary(name, language, title)
    target = Path(folder) / f"{dictionary_name(name)}.toml"
    if target.exists() and not force:
        raise ScaffoldError(f"{target} already exists (use --force to overwrite)")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def write_plugin(name: str, folder: str | Path = ".", language: str = "ru", author: str = "") -> Path:
    """Create an installable plugin package in ``folder/jargon-SLUG``; returns that folder."""
    import jargon

    names = plugin_names(name)
    root = Path(folder) / names.distribution
    if root.exists() and any(root.iterdir()):
        raise ScaffoldError(f"{root} already exists and is not empty")
    from jargon.dictionary import parse_dictionary

    dictionary_text = render_dictionary(names.slug, language, f"{names.slug} jargon dictionary")
    sample = parse_dictionary(dictionary_text).entries[0].examples[0]
    values = dict(slug=names.slug, distribution=names.distribution, module=names.module, sample=sample,
                  language=language, author=_toml_escape(author or "Your Name"),
                  jargon_version=jargon.__version__,
                  title=_toml_escape(f"{names.slug} jargon dictionary"))
    template_root = resources.files(__name__).joinpath("plugin")
    files: dict[Path, str] = {}
    for rel, text in _walk(template_root):
        out_rel = Path(*(part.replace("__module__", names.module).replace("__slug__", names.slug)
                         for part in rel.parts))
        if out_rel.suffix == ".tmpl":
            out_rel = out_rel.with_suffix("")
        files[out_rel] = Template(text).substitute(values)
    files[Path(names.module) / f"{names.slug}.toml"] = dictionary_text
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def _walk(node, prefix: Path = Path()):
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        if child.name == "__pycache__":
            continue
        if child.is_dir():
            yield from _walk(child, prefix / child.name)
        else:
            yield prefix / child.name, child.read_text(encoding="utf-8")


def _toml_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
