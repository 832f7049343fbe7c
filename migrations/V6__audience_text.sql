-- Q&A questions and upvotes, moderation decisions, and each presentation's
-- profanity filter (poll-types.md). The domain checks the rules; the
-- schema backs them up.

ALTER TABLE presentations
    ADD COLUMN profanity_filter text NOT NULL DEFAULT 'standard'
        CHECK (profanity_filter IN ('off', 'standard', 'strict'));

-- Lets questions reference (poll, kind) and so only ever sit on Q&A polls.
ALTER TABLE polls ADD CONSTRAINT polls_id_kind UNIQUE (id, kind);

CREATE TABLE questions (
    id              uuid PRIMARY KEY,
    poll_id         uuid NOT NULL,
    poll_kind       text NOT NULL DEFAULT 'qa' CHECK (poll_kind = 'qa'),
    participant_id  uuid NOT NULL,
    text            text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000 AND text = btrim(text)),
    asked_at        timestamptz NOT NULL DEFAULT now(),
    -- Kept equal to the rows of question_upvotes in the same statement
    -- (`tally verify` checks it).
    upvotes         integer NOT NULL DEFAULT 0 CHECK (upvotes >= 0),
    answered        boolean NOT NULL DEFAULT false,
    pinned          boolean NOT NULL DEFAULT false,
    decision        text CHECK (decision IN ('approved', 'hidden')),
    FOREIGN KEY (poll_id, poll_kind) REFERENCES polls (id, kind) ON DELETE CASCADE
);
CREATE INDEX questions_by_poll ON questions (poll_id, participant_id);

CREATE TABLE question_upvotes (
    question_id     uuid NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    participant_id  uuid NOT NULL,
    PRIMARY KEY (question_id, participant_id)
);

-- The presenter's decision on a word-cloud word or an open-text entry.
CREATE TABLE entry_decisions (
    poll_id   uuid NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
    entry_id  text NOT NULL CHECK (entry_id ~ '^[0-9a-f]{16}$'),
    decision  text NOT NULL CHECK (decision IN ('approved', 'hidden')),
    PRIMARY KEY (poll_id, entry_id)
);
