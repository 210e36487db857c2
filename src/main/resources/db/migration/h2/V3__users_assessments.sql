-- Users of the web pages and the API, seeded from the users file and kept here (the admin page adds and
-- changes them). A leader's districts and a coordinator's states are comma-separated lists.
CREATE TABLE app_user (
    name      VARCHAR(200) PRIMARY KEY,
    password  VARCHAR(200) NOT NULL,
    role      VARCHAR(20)  NOT NULL,
    districts VARCHAR(4000) DEFAULT '' NOT NULL,
    states    VARCHAR(1000) DEFAULT '' NOT NULL
);

-- Each district's current assessment (the contract's YAML), as the self-assessment and gap-data pages keep it.
CREATE TABLE assessment (
    district_id VARCHAR(200) PRIMARY KEY,
    district    VARCHAR(500) NOT NULL,
    body        CLOB         NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    updated_by  VARCHAR(200) NOT NULL
);
