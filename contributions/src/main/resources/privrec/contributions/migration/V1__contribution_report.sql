-- One row per accepted contribution report (docs/contributions-server.md). The same SQL runs on H2 and PostgreSQL.
--
-- Deliberately absent: timestamps, auto-increment ids or sequences (they would order reports by arrival, and
-- arrival times can be linked to sessions), and anything about the sender (address, headers, cookies).
-- digest is the hex SHA-256 of the body: the primary key is also the replay guard.
CREATE TABLE contribution_report (
    digest  CHAR(64) NOT NULL PRIMARY KEY,
    release VARCHAR(32) NOT NULL,
    epsilon REAL NOT NULL,
    rank    INTEGER NOT NULL,
    payload BYTEA NOT NULL
);

CREATE INDEX contribution_report_release ON contribution_report (release);
