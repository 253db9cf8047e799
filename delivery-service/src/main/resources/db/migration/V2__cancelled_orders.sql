-- Orders known to be cancelled (from OrderCanceled): a StartDelivery that arrives afterwards (the
-- saga gave up waiting for the delivery to start) ships nothing.
CREATE TABLE cancelled_order (
    order_id     UUID        PRIMARY KEY,
    cancelled_at TIMESTAMPTZ NOT NULL
);
