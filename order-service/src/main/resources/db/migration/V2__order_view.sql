-- The one-screen order view (CQRS read model), built only from the events of all services and
-- rebuilt from the topics when needed. Rows may start incomplete: events arrive out of order
-- across topics, and the first one to arrive creates the row.
CREATE TABLE order_view (
    order_id            UUID          PRIMARY KEY,
    customer_id         VARCHAR(64),
    product_id          VARCHAR(64),
    product_name        VARCHAR(200),
    quantity            INTEGER,
    unit_price          NUMERIC(12,2),
    amount              NUMERIC(12,2),
    status              VARCHAR(24)   NOT NULL,
    payment_status      VARCHAR(16),
    bank_account        VARCHAR(64),
    transfer_reference  VARCHAR(32),
    delivery_status     VARCHAR(16),
    carrier             VARCHAR(100),
    tracking_number     VARCHAR(32),
    cancellation_reason VARCHAR(32),
    placed_at           TIMESTAMPTZ,
    updated_at          TIMESTAMPTZ   NOT NULL
);
CREATE INDEX order_view_by_customer ON order_view (customer_id, placed_at DESC);

-- Every event applied, once (its id is the key): the order's timeline, and the guard against duplicates.
CREATE TABLE order_view_event (
    event_id     UUID         PRIMARY KEY,
    order_id     UUID         NOT NULL,
    type         VARCHAR(40)  NOT NULL,
    source       VARCHAR(40),
    order_status VARCHAR(24),
    occurred_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX order_view_event_by_order ON order_view_event (order_id, occurred_at);
