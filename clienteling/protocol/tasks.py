"""Task completion as the hub reports it for a store and period (`hub.stats.tasks`).

Rates are fractions (0.8 = 80 %) or null when there was nothing to divide by."""

from __future__ import annotations

from pydantic import BaseModel, Field


class AssociateTaskFigures(BaseModel):
    associate_id: str | None = Field(
        description="Who the tasks count for: the assignee, else who did them; null: "
        "store tasks nobody has done yet."
    )
    display_name: str
    created: int = Field(description="Tasks created in the period.")
    done: int = Field(description="Of those, done (by now).")
    done_on_time: int = Field(description="Of those done, no later than their due time.")
    dismissed: int = Field(
        default=0, description="Of those created, dismissed with a reason (not done)."
    )
    completion_rate: float | None = Field(description="done / created.")
    on_time_rate: float | None = Field(description="done_on_time / done.")


class TaskCompletion(BaseModel):
    store_id: str
    start: str
    end: str
    total: AssociateTaskFigures = Field(description="The whole store (the rows add up to it).")
    associates: list[AssociateTaskFigures] = Field(description="Most tasks created first.")
