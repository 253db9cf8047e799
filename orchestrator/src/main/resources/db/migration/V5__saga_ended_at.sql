-- When the order's saga ended (SagaEnds writes it in the transaction that ends it). The inbox asks
-- this, not the engine's history, which the history cleanup deletes after 180 days.
ALTER TABLE started_order ADD COLUMN ended_at TIMESTAMPTZ;

-- Sagas that ended before: from the engine's history, where it exists yet (on a new database the
-- engine creates its tables after this migration, and nothing has ended).
DO $$
BEGIN
  IF to_regclass('act_hi_procinst') IS NOT NULL THEN
    UPDATE started_order s SET ended_at = h.end_time_
    FROM act_hi_procinst h
    WHERE h.business_key_ = s.order_id::text AND h.end_time_ IS NOT NULL;
  END IF;
END $$;
