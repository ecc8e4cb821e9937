"""Delivery of follow-ups, exactly once (DESIGN.md, Sync §7; issue 9).

- `queue`: jobs claimed from the database with a lease (`FOR UPDATE SKIP LOCKED` on
  PostgreSQL; on SQLite the claim runs inside `BEGIN IMMEDIATE`, which serialises
  claimers), so any number of workers, in any number of hub processes, can run.
- `providers`: email over SMTP (multipart text + HTML); SMS and WhatsApp over HTTP to a
  provider, with the attempt's idempotency key.
- `worker`: one pass (`run_pass`, also what tests call) and the background thread.

Exactly once: each send is prepare (attempt + idempotency key recorded and COMMITTED) ->
send -> complete. A crash between prepare and complete leaves an attempt whose outcome
nobody knows (the provider may have accepted it): the next pass marks the follow-up
`needs_check` for a person instead of sending again. Consent (latest event per channel)
and quiet hours (store time zone) are checked at send time, not when queued.
"""
