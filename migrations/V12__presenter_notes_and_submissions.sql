-- Presenter notes (one per poll, for the console only) and the audience's
-- idempotency keys on Q&A questions (a double tap stores one question).

-- Read only by the presenter's notes endpoint: no query behind a public
-- read selects this column. The domain checks the text (1 to 2000
-- characters, no control characters but newlines); the schema backs up
-- the length.
ALTER TABLE polls
    ADD COLUMN notes text CHECK (notes IS NULL OR char_length(notes) BETWEEN 1 AND 2000);

-- The client's key for one submission: the same key from the same
-- participant on the same poll is the same question. NULL (older clients)
-- never conflicts, as NULLs are distinct in a unique index.
ALTER TABLE questions ADD COLUMN submission_id uuid;
CREATE UNIQUE INDEX questions_by_submission
    ON questions (poll_id, participant_id, submission_id);
