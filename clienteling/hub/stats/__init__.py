"""Store-level statistics for managers, computed on the hub."""
