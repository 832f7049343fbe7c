-- A poll's definition in a round a deck edit closed (issue 26): the
-- question, type, settings and options its votes were cast against, so
-- that the round's results still read against them after the edit (an
-- option removed stays listed, with its votes, in the rounds before).
CREATE TABLE poll_rounds (
    poll_id   uuid NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
    round     integer NOT NULL CHECK (round >= 1),
    question  text NOT NULL,
    kind      text NOT NULL,
    settings  jsonb NOT NULL,
    -- [{"key", "value"}] in display order.
    options   jsonb NOT NULL,
    PRIMARY KEY (poll_id, round)
);
