-- One bank-transfer payment per order: the order id is the key, so a repeated
-- "Request bank transfer" finds the payment it created the first time.
CREATE TABLE payment (
    order_id           UUID          PRIMARY KEY,
    amount             NUMERIC(12,2) NOT NULL CHECK (amount > 0),
    bank_account       VARCHAR(64)   NOT NULL,
    transfer_reference VARCHAR(32)   NOT NULL UNIQUE,
    status             VARCHAR(16)   NOT NULL,
    placed_at          TIMESTAMPTZ   NOT NULL,
    checked_at         TIMESTAMPTZ,
    canceled_at        TIMESTAMPTZ,
    version            BIGINT        NOT NULL DEFAULT 0
);
