CREATE TABLE customer_order (
    order_id            UUID          PRIMARY KEY,
    customer_id         VARCHAR(64)   NOT NULL,
    product_id          VARCHAR(64)   NOT NULL,
    quantity            INTEGER       NOT NULL CHECK (quantity > 0),
    unit_price          NUMERIC(12,2) NOT NULL,
    amount              NUMERIC(12,2) NOT NULL,
    status              VARCHAR(24)   NOT NULL,
    cancellation_reason VARCHAR(32),
    -- Set on the customer's first confirmation; a repeated one sends no second ReceiptConfirmed.
    receipt_confirmed_at TIMESTAMPTZ,
    -- A repeated POST /orders with the same Idempotency-Key returns this order and creates nothing.
    idempotency_key     VARCHAR(100),
    placed_at           TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    version             BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT customer_order_idempotency_key UNIQUE (customer_id, idempotency_key)
);

CREATE INDEX customer_order_by_customer ON customer_order (customer_id, placed_at DESC);
