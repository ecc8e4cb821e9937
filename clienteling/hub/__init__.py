"""The central service (FastAPI + SQLAlchemy Core). Imports only `domain` and `protocol`."""
