-- Registration refuses a name that looks like an existing one (AccountNames.skeleton: lower case,
-- without . _ @ -); this finds them without reading every account. Not unique: names registered
-- before the rule may already look alike, and must keep working.
CREATE INDEX users_name_skeleton ON users ((regexp_replace(lower(username), '[._@-]', '', 'g')));
