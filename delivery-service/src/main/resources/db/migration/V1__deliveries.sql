-- One delivery per order: a repeated delivery command for the same order starts nothing new.
CREATE TABLE delivery (
    order_id        UUID         PRIMARY KEY,
    product_id      VARCHAR(64)  NOT NULL,
    quantity        INTEGER      NOT NULL CHECK (quantity > 0),
    status          VARCHAR(16)  NOT NULL,
    tracking_number VARCHAR(32)  NOT NULL UNIQUE,
    started_at      TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0
);
