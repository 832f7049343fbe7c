-- Issue 25: a presentation's own links for other people, each with a role:
-- `screen` opens only the big screen, `run` co-presents, `moderate`
-- moderates the audience's text. Only the presenter's token makes, lists
-- and revokes them (checked by the application). Only the SHA-256 of each
-- link's secret is stored; the secret is shown once, when it is made.
-- Deleting the presentation deletes its links.
CREATE TABLE presentation_links (
    id               uuid PRIMARY KEY,
    presentation_id  uuid NOT NULL REFERENCES presentations (id) ON DELETE CASCADE,
    role             text NOT NULL CHECK (role IN ('screen', 'run', 'moderate')),
    -- Trimmed, single-line and at most 80 characters (LinkLabel); NULL
    -- when the presenter gave none.
    label            text CHECK (char_length(label) BETWEEN 1 AND 80),
    token_hash       bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    created_at       timestamptz NOT NULL DEFAULT now(),
    revoked_at       timestamptz CHECK (revoked_at >= created_at)
);

-- Every presenter operation reads the presentation's links with its access.
CREATE INDEX presentation_links_by_presentation
    ON presentation_links (presentation_id, created_at);
