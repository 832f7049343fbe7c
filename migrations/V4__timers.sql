-- Timers (poll-types.md): server-authoritative deadlines, fenced like every
-- other state change. A poll is open to votes while voting_open holds and
-- its deadline, if any, has not passed (by the clock of the store that
-- takes the vote).
ALTER TABLE polls
    -- When voting on the poll first opened in its current round: the poll
    -- came on screen, or a timer started. Quiz answers score by the time
    -- since then.
    ADD COLUMN opened_at timestamptz,
    ADD COLUMN deadline timestamptz,
    ADD CONSTRAINT polls_deadline_after_opening
        CHECK (deadline IS NULL OR (opened_at IS NOT NULL AND deadline > opened_at));

-- The poll on screen of every existing presentation has been open since it
-- was created, as far as anyone can tell.
UPDATE polls q SET opened_at = p.created_at
FROM presentations p
WHERE q.presentation_id = p.id AND q.position = p.current_poll_index;
