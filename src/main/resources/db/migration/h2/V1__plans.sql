-- Plans and every saved version of them. A plan is JSON (the plan file format); the columns beside it
-- are what access control and listing need. Nothing is removed unless a purge is asked for.
CREATE TABLE plan (
    id          VARCHAR(36)  PRIMARY KEY,
    district_id VARCHAR(200) NOT NULL,
    district    VARCHAR(500) NOT NULL,
    title       VARCHAR(1000) NOT NULL,
    version     INTEGER      NOT NULL,
    deleted     BOOLEAN      DEFAULT FALSE NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    body        CLOB         NOT NULL
);
CREATE INDEX plan_district ON plan (district_id);

CREATE TABLE plan_version (
    plan_id  VARCHAR(36)  NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    version  INTEGER      NOT NULL,
    saved_at TIMESTAMP    NOT NULL,
    saved_by VARCHAR(200) NOT NULL,
    change   VARCHAR(1000) NOT NULL,
    body     CLOB         NOT NULL,
    PRIMARY KEY (plan_id, version)
);
