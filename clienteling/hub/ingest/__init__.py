"""Ingest from the web shop: `POST /api/v1/ingest/{source}` (DESIGN.md, Hub; issue 4).

- `signing`: HMAC-SHA256 over the raw body, checked in constant time.
- `generic`: our own event format ({event_id, type, occurred_at, data}) for any shop.
- `shopify`: Shopify's webhooks exactly as Shopify sends them, mapped to the same events.
- `apply`: one transaction per event: record the event id (a replay changes nothing),
  resolve the customer, write carts / orders / customers with versions in the customer's
  store scope so terminals pull them.

Rules (documented here because the shop relies on them):

- Idempotency: by (source, event id). A replay answers 200 `duplicate` and changes nothing.
- Out of order: every record the shop tells us about (cart, checkout, order, customer,
  product, stock level per product and location) remembers the time of the newest event
  applied; an older event is ignored. An `ordered`
  cart never changes again (a late "cart updated" does not resurrect it). Order status only
  moves forward: placed < fulfilled < delivered < partially_returned < returned.
- Customers: the shop's customer id, once seen, maps to one of ours. Otherwise the email,
  trimmed and lower-cased, is matched against every customer's emails (any store); the
  first match by id wins and is linked. Otherwise a new customer is created with the
  settings' `ingest_default_store_id` as home store (unset: the first store by id), so the
  store's terminals pull them. A cart or order without any customer identity waits
  (carts) or is ignored (orders) until one arrives.
- A cart keeps the customer it was first published with.
- Catalog and stock (Shopify products/* and inventory_levels/update, `catalog`): one price
  for every channel; every stock change, generic or Shopify, goes through one path
  (`_Ingest._set_stock`): feed versions, holds kept reserved, back-in-stock tasks.
- Locks: the ingest of an order locks its customer's scope counter, then the customer
  (`purchase_facts.lock_customer`), before it writes anything, as erasure does.
"""
