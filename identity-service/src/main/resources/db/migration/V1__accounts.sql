-- Spring Security's user tables (JdbcUserDetailsManager); passwords are bcrypt hashes.
CREATE TABLE users (
    username VARCHAR(64)  PRIMARY KEY,
    password VARCHAR(500) NOT NULL,
    enabled  BOOLEAN      NOT NULL
);

CREATE TABLE authorities (
    username  VARCHAR(64) NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    authority VARCHAR(64) NOT NULL,
    CONSTRAINT authorities_once UNIQUE (username, authority)
);
