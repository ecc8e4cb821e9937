"""Appointment read models for the UI (defined by the cache, re-exported here)."""

from clienteling.store.appointments import AppointmentClashError, AppointmentView, AssociateChoice

__all__ = ["AppointmentClashError", "AppointmentView", "AssociateChoice"]
