"""Clienteling: an in-store clienteling desktop app and its central customer hub."""

__version__ = "0.1.0"
