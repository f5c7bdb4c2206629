"""Built-in plugin: Russian text analysis (placeholder until the analyzer lands)."""
