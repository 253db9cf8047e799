-- Each rebuild of the order view starts a new generation: the view is emptied once, in the same
-- transaction, and every order-service replica then reads the topics again from their beginning in a
-- consumer group of that generation. One row.
CREATE TABLE order_view_generation (
    id          BOOLEAN      PRIMARY KEY DEFAULT TRUE CHECK (id),
    generation  INTEGER      NOT NULL,
    started_at  TIMESTAMPTZ  NOT NULL
);
INSERT INTO order_view_generation (generation, started_at) VALUES (0, now());
