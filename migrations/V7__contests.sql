-- Judged contests (issue 12): contestants, weighted criteria, rounds,
-- judges and other roles by invite link, score sheets, an append-only
-- audit log, and published snapshots with their digest. The domain checks
-- the rules (`tally_domain::contest`); the schema backs them up.

CREATE TABLE contests (
    id                uuid PRIMARY KEY,
    title             text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    -- SHA-256 of the owner's bearer secret; the secret itself is never stored.
    owner_token_hash  bytea NOT NULL UNIQUE CHECK (octet_length(owner_token_hash) = 32),
    method            text NOT NULL CHECK (method IN ('weighted_mean', 'trimmed_mean', 'z_score')),
    trim_min_judges   integer CHECK (trim_min_judges >= 3),
    -- The tie-break chain: this criterion (by position), then the audience
    -- when `tie_audience`, then a shared rank.
    tie_criterion     integer,
    tie_audience      boolean NOT NULL DEFAULT false,
    -- People's choice: votes on this poll, matched to contestants by
    -- option text, add `audience_weight` × share of the votes.
    audience_poll_id  uuid REFERENCES polls (id) ON DELETE SET NULL,
    audience_weight   numeric CHECK (audience_weight >= 0),
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((method = 'trimmed_mean') = (trim_min_judges IS NOT NULL))
);

CREATE TABLE contest_criteria (
    contest_id   uuid NOT NULL REFERENCES contests (id),
    position     integer NOT NULL CHECK (position >= 0),
    id           uuid NOT NULL UNIQUE,
    name         text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
    description  text NOT NULL CHECK (char_length(description) <= 2000),
    weight       numeric NOT NULL CHECK (weight > 0),
    min_mark     numeric NOT NULL,
    max_mark     numeric NOT NULL,
    step         numeric NOT NULL CHECK (step > 0),
    PRIMARY KEY (contest_id, position),
    UNIQUE (contest_id, name),
    CHECK (min_mark < max_mark)
);

CREATE TABLE contestants (
    contest_id  uuid NOT NULL REFERENCES contests (id),
    position    integer NOT NULL CHECK (position >= 0),
    id          uuid NOT NULL UNIQUE,
    name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    -- The contestant's private feedback link (hashed), once released.
    feedback_token_hash bytea UNIQUE CHECK (octet_length(feedback_token_hash) = 32),
    PRIMARY KEY (contest_id, position),
    UNIQUE (contest_id, name)
);

CREATE TABLE contest_rounds (
    contest_id    uuid NOT NULL REFERENCES contests (id),
    position      integer NOT NULL CHECK (position >= 0),
    id            uuid NOT NULL UNIQUE,
    name          text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    -- draft → open ⇄ closed → published. Sheets are saved only while open;
    -- a published round is frozen.
    state         text NOT NULL DEFAULT 'draft'
                  CHECK (state IN ('draft', 'open', 'closed', 'published')),
    published_at  timestamptz,
    -- SHA-256 (hex) of the canonical form of every submitted mark, and the
    -- ranking as published, frozen at publishing.
    digest        text CHECK (digest ~ '^[0-9a-f]{64}$'),
    snapshot      jsonb,
    -- Bumped by every change that can move the round's results (a mark, a
    -- submission, a reopening, a state change, a conflict): a publication
    -- stores its snapshot only if the version it was computed at is still
    -- current.
    version       bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (contest_id, position),
    UNIQUE (contest_id, name),
    CHECK ((state = 'published') = (digest IS NOT NULL AND snapshot IS NOT NULL))
);

-- Invite links: each carries a role. A judge is a link with role `judge`.
CREATE TABLE contest_links (
    id          uuid PRIMARY KEY,
    contest_id  uuid NOT NULL REFERENCES contests (id),
    role        text NOT NULL CHECK (role IN ('cohost', 'moderator', 'judge')),
    name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    token_hash  bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz,
    UNIQUE (id, contest_id)
);
CREATE INDEX contest_links_by_contest ON contest_links (contest_id);

-- A judge excluded from a contestant (conflict of interest).
CREATE TABLE contest_conflicts (
    judge_id       uuid NOT NULL REFERENCES contest_links (id),
    contestant_id  uuid NOT NULL REFERENCES contestants (id),
    PRIMARY KEY (judge_id, contestant_id)
);

CREATE TABLE contest_sheets (
    round_id      uuid NOT NULL REFERENCES contest_rounds (id),
    judge_id      uuid NOT NULL REFERENCES contest_links (id),
    state         text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted')),
    submitted_at  timestamptz,
    PRIMARY KEY (round_id, judge_id),
    CHECK ((state = 'submitted') = (submitted_at IS NOT NULL))
);

CREATE TABLE contest_marks (
    round_id       uuid NOT NULL,
    judge_id       uuid NOT NULL,
    contestant_id  uuid NOT NULL REFERENCES contestants (id),
    criterion_id   uuid NOT NULL REFERENCES contest_criteria (id),
    value          numeric NOT NULL,
    PRIMARY KEY (round_id, judge_id, contestant_id, criterion_id),
    FOREIGN KEY (round_id, judge_id) REFERENCES contest_sheets (round_id, judge_id)
);

CREATE TABLE contest_comments (
    round_id       uuid NOT NULL,
    judge_id       uuid NOT NULL,
    contestant_id  uuid NOT NULL REFERENCES contestants (id),
    text           text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 4000),
    PRIMARY KEY (round_id, judge_id, contestant_id),
    FOREIGN KEY (round_id, judge_id) REFERENCES contest_sheets (round_id, judge_id)
);

-- Every change to a score, a sheet, a round or a link, in order. Append
-- only: the trigger below refuses UPDATE, DELETE and TRUNCATE for every
-- role, the owner and superusers included (a trigger binds them too, unlike
-- a privilege), and the privileges are revoked as well.
CREATE TABLE contest_audit (
    seq            bigserial PRIMARY KEY,
    contest_id     uuid NOT NULL,
    round_id       uuid,
    at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- `owner`, or `<role>:<link id>`.
    actor          text NOT NULL,
    action         text NOT NULL,
    judge_id       uuid,
    contestant_id  uuid,
    criterion_id   uuid,
    before         text,
    after          text
);
CREATE INDEX contest_audit_by_contest ON contest_audit (contest_id, seq);

CREATE FUNCTION contest_audit_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'contest_audit is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER contest_audit_append_only
    BEFORE UPDATE OR DELETE ON contest_audit
    FOR EACH ROW EXECUTE FUNCTION contest_audit_is_append_only();
CREATE TRIGGER contest_audit_no_truncate
    BEFORE TRUNCATE ON contest_audit
    FOR EACH STATEMENT EXECUTE FUNCTION contest_audit_is_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON contest_audit FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON contest_audit FROM CURRENT_USER;
