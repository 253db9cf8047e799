-- Transfer references start with a serial from this sequence: unique by construction. They were ten
-- random characters (50 bits), and two payments drawing the same ones broke the UNIQUE constraint.
-- The new ones are at least eleven characters after the prefix, which none of the old ones is.
CREATE SEQUENCE transfer_reference_serial;
