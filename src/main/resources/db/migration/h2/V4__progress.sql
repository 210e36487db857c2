-- Carrying plans out (docs/progress.md). V3 is the web pages' (users and assessments).
-- The state of each plan's district (its assessment's district.state), so a state coordinator's list and
-- roll-up read only their state's plans; plans saved before this column get it when the server starts.
ALTER TABLE plan ADD COLUMN state VARCHAR(2);
CREATE INDEX plan_state ON plan (state);

-- Calendar feed tokens: one per user and district, made and revoked by the user. Only the token's SHA-256 is
-- kept; a revoked token stays, with when, so the record of who could read a district's dates is kept too.
CREATE TABLE calendar_token (
    id          VARCHAR(36)  PRIMARY KEY,
    token_hash  VARCHAR(64)  NOT NULL UNIQUE,
    user_name   VARCHAR(200) NOT NULL,
    district_id VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    revoked_at  TIMESTAMP
);
CREATE INDEX calendar_token_user ON calendar_token (user_name);
