-- The order's facts as the saga started with them (from OrderPlaced). The seller completes
-- "Confirm deposit" with variables of their choosing; the saga checks the order's variables against
-- these facts, which no task completion can write. Rows of sagas started before have none.
ALTER TABLE started_order
    ADD COLUMN product_id VARCHAR(64),
    ADD COLUMN quantity   INTEGER,
    ADD COLUMN amount     NUMERIC(14, 2);
