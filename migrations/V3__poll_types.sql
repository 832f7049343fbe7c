-- Poll types (poll-types.md): every type's votes, changes and retractions,
-- rounds, and one set of counters for all of them. Existing presentations
-- become single-choice polls in round 1, their votes and counts unchanged.

ALTER TABLE polls
    ADD COLUMN kind text NOT NULL DEFAULT 'single'
        CHECK (kind IN ('single', 'multiple', 'scale', 'ranking', 'points',
                        'wordcloud', 'open', 'quiz', 'qa')),
    -- The type's settings as the domain's SettingsDraft (every field the
    -- type takes, filled in); re-validated when read.
    ADD COLUMN settings jsonb NOT NULL DEFAULT '{}'::jsonb
        CHECK (jsonb_typeof(settings) = 'object'),
    -- Bumped by a reset: votes and counters belong to one round.
    ADD COLUMN round integer NOT NULL DEFAULT 1 CHECK (round >= 1);

-- A vote row is a participant's latest action on a poll in a round: the
-- choice in its stored form (kinds::encoding), or NULL once retracted. The
-- row stays after a retraction so that its version keeps ordering: an
-- older action delivered late never undoes a later one.
ALTER TABLE votes
    ADD COLUMN round integer NOT NULL DEFAULT 1 CHECK (round >= 1),
    ADD COLUMN choice text CHECK (choice IS NULL OR length(choice) > 0),
    ADD COLUMN version bigint NOT NULL DEFAULT 0 CHECK (version >= 0);

UPDATE votes v SET choice = o.key FROM options o WHERE o.id = v.option_id;
ALTER TABLE votes
    DROP CONSTRAINT votes_pkey,
    ADD PRIMARY KEY (poll_id, round, participant_id),
    ADD FOREIGN KEY (poll_id) REFERENCES polls (id) ON DELETE CASCADE,
    DROP COLUMN option_id;

-- The counters of every poll and round, named as the encoding's marks name
-- them (the option key for single choice). Kept equal to the sum of the
-- marks of the vote rows, in the same transaction that writes them.
CREATE TABLE tallies (
    poll_id  uuid NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
    round    integer NOT NULL CHECK (round >= 1),
    field    text NOT NULL CHECK (length(field) > 0),
    -- Zero only inside a transaction: a counter that reaches zero is
    -- deleted in the statement after.
    count    bigint NOT NULL CHECK (count >= 0),
    PRIMARY KEY (poll_id, round, field)
);

INSERT INTO tallies (poll_id, round, field, count)
SELECT poll_id, 1, key, vote_count FROM options WHERE vote_count > 0;

ALTER TABLE options DROP COLUMN vote_count;
