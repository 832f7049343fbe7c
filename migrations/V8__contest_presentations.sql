-- Issue 12: a contest can be tied to the event's presentation. Its co-host
-- links then run that presentation and its moderator links moderate the
-- audience's text there; the presenter token still alone deletes it.
-- Tying needs the presenter token as well as the contest's owner secret
-- (checked by the application). Deleting the presentation unties it.
ALTER TABLE contests
    ADD COLUMN presentation_id uuid REFERENCES presentations (id) ON DELETE SET NULL;

-- Every presenter operation looks up the delegates of its presentation.
CREATE INDEX contests_by_presentation ON contests (presentation_id)
    WHERE presentation_id IS NOT NULL;
