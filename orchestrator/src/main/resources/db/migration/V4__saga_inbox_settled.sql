-- Settled messages are forgotten after a retention (sagashop.saga.inbox-retention); this finds them.
CREATE INDEX saga_inbox_settled ON saga_inbox (settled_at) WHERE status <> 'PENDING';
