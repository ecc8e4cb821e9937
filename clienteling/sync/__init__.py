"""The terminal's sync engine (httpx): push the outbox, pull changes, report status."""
