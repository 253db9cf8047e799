CREATE TABLE product (
    product_id  VARCHAR(64)   PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    unit_price  NUMERIC(12,2) NOT NULL CHECK (unit_price >= 0),
    stock       INTEGER       NOT NULL CHECK (stock >= 0),
    version     BIGINT        NOT NULL DEFAULT 0
);

-- One row per order and kind of movement: a repeated "Decrease stock" or "Restore stock" for
-- the same order finds its row and changes nothing (jobs run at least once).
CREATE TABLE stock_movement (
    order_id    UUID         NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    product_id  VARCHAR(64)  NOT NULL REFERENCES product (product_id),
    quantity    INTEGER      NOT NULL CHECK (quantity > 0),
    occurred_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (order_id, kind)
);
