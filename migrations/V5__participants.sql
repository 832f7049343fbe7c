-- Display names on a presentation's quiz leaderboard (poll-types.md). The
-- domain checks them (1 to 30 characters, no control characters, the
-- profanity filter); the schema backs up the length.
CREATE TABLE participants (
    presentation_id  uuid NOT NULL REFERENCES presentations (id) ON DELETE CASCADE,
    participant_id   uuid NOT NULL,
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 30 AND name = btrim(name)),
    PRIMARY KEY (presentation_id, participant_id)
);
