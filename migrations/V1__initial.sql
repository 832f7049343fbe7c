-- Tally's first schema: presenters, presentations, polls, options, votes.
-- Constraints back up every rule the domain enforces, so a bug in one
-- process, or a second process, cannot store an inconsistent state.

CREATE TABLE presenters (
    id          uuid PRIMARY KEY,
    -- SHA-256 of the presenter token; the token itself is never stored.
    token_hash  bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE presentations (
    id                  uuid PRIMARY KEY,
    presenter_id        uuid NOT NULL REFERENCES presenters (id) ON DELETE CASCADE,
    join_code           text NOT NULL UNIQUE CHECK (join_code ~ '^[0-9]{6}$'),
    -- Created without credentials under TALLY_OPEN_PRESENTER=1.
    created_open        boolean NOT NULL DEFAULT false,
    poll_count          integer NOT NULL CHECK (poll_count BETWEEN 1 AND 200),
    current_poll_index  integer NOT NULL DEFAULT 0,
    -- Bumped by every slide or voting-state change: the fencing number that
    -- mirrors and live channels compare.
    state_version       bigint NOT NULL DEFAULT 1 CHECK (state_version > 0),
    created_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (current_poll_index >= 0 AND current_poll_index < poll_count)
);

-- A presenter's list, newest first, paged by id (UUIDv7 sorts by time).
CREATE INDEX presentations_by_presenter ON presentations (presenter_id, id DESC);

CREATE TABLE polls (
    id               uuid PRIMARY KEY,
    presentation_id  uuid NOT NULL REFERENCES presentations (id) ON DELETE CASCADE,
    position         integer NOT NULL CHECK (position >= 0),
    question         text NOT NULL CHECK (length(btrim(question)) > 0),
    voting_open      boolean NOT NULL DEFAULT true,
    UNIQUE (presentation_id, position)
);

CREATE TABLE options (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    poll_id     uuid NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
    position    integer NOT NULL CHECK (position >= 0),
    key         text NOT NULL CHECK (length(key) BETWEEN 1 AND 32),
    value       text NOT NULL,
    -- Kept equal to the number of vote rows for this option, in the same
    -- transaction that inserts them.
    vote_count  bigint NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
    UNIQUE (poll_id, key),
    UNIQUE (poll_id, position),
    -- Target of the votes' composite foreign key.
    UNIQUE (poll_id, id)
);

CREATE TABLE votes (
    poll_id         uuid NOT NULL,
    participant_id  uuid NOT NULL,
    option_id       bigint NOT NULL,
    accepted_at     timestamptz NOT NULL DEFAULT now(),
    -- One vote per participant per poll.
    PRIMARY KEY (poll_id, participant_id),
    -- The option must belong to the vote's poll.
    FOREIGN KEY (poll_id, option_id) REFERENCES options (poll_id, id) ON DELETE CASCADE
);

CREATE INDEX votes_by_option ON votes (option_id);
