"""PySide6 widgets and models. No SQL and no HTTP: everything goes through `terminal`."""
