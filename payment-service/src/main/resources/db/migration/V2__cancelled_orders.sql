-- Orders known to be cancelled (from OrderCanceled). A payment request that arrives afterwards (a job
-- that was in flight when the customer cancelled) is refused, so a cancelled order never keeps an
-- open payment.
CREATE TABLE cancelled_order (
    order_id     UUID        PRIMARY KEY,
    cancelled_at TIMESTAMPTZ NOT NULL
);
