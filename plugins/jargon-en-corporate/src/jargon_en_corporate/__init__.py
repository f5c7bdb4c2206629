"""English corporate jargon for jargon: a dictionary and the English language analyzer."""

__version__ = "1.0.0"
