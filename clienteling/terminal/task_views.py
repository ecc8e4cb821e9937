"""Task read models for the UI (defined by the cache, re-exported here)."""

from clienteling.store.tasks import TaskCounts, TaskView
from clienteling.store.tasks import counts as count_tasks

__all__ = ["TaskCounts", "TaskView", "count_tasks"]
