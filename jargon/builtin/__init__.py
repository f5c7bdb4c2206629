"""Built-in plugins. They implement the same hooks as external plugins and are
registered first, in this order (see jargon.plugins)."""

BUILTIN_PLUGINS = (
    "jargon.builtin.russian",        # language: Russian analysis (pymorphy3 + Snowball)
    "jargon.builtin.dictionaries",   # dictionary: the seed ru-corporate.toml
    "jargon.builtin.formats",        # output formats: text, json, jsonl
    "jargon.builtin.readers",        # input readers: plain text, vtt, srt, docx
    "jargon.builtin.formats_csv",    # output formats: csv, csv-excel
    "jargon.builtin.formats_translated",  # output format: translated
    "jargon.builtin.formats_report",  # output formats: markdown, html
    "jargon.builtin.formats_qda",    # output formats: qdc, qdpx (REFI-QDA)
)
