"""Transcript parsing: speaker turns in plain text, WebVTT and SRT cues, .docx paragraphs.

Everything here turns a transcript into one document text plus :class:`jargon.model.Segment`
objects (speaker, start/end time, offsets into that text). The readers in
``jargon/builtin/readers.py`` are thin wrappers around these functions.
See docs/transcripts.md for how each document text is built.
"""
