-- Tracking numbers come from this sequence: unique by construction. They were the first 12 hex
-- digits of the order id (48 bits), and two orders sharing them (0.2% at a million deliveries) broke
-- the UNIQUE constraint on every retry of the second one, holding up its partition for good. The new
-- ones have a dash (SP-000000000042), which none of the old ones has.
CREATE SEQUENCE tracking_number;
