"""Pure retail rules. Imports nothing else of ours (and nothing of Qt, HTTP or SQL)."""
