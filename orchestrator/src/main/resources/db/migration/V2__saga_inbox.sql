-- The saga's inbox: every message the saga waits for (DeliveryStarted, ReceiptConfirmed), keyed by
-- the id of the event that carried it. Camunda keeps no message that arrives before the process
-- waits for it; such a message stays PENDING here and is delivered when the saga reaches the wait
-- state. A repeated event finds its row and changes nothing.
CREATE TABLE saga_inbox (
    event_id     UUID        PRIMARY KEY,
    order_id     UUID        NOT NULL,
    message      VARCHAR(64) NOT NULL,
    status       VARCHAR(16) NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'DROPPED')),
    received_at  TIMESTAMPTZ NOT NULL,
    settled_at   TIMESTAMPTZ
);

CREATE INDEX saga_inbox_pending ON saga_inbox (order_id, message, received_at) WHERE status = 'PENDING';
