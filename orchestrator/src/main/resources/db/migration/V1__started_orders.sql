-- One row per order whose saga was started: a second OrderPlaced for the same order (a redelivered
-- record, a republished event) finds its row and starts nothing. Written in the transaction that
-- starts the process instance.
CREATE TABLE started_order (
    order_id   UUID        PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
