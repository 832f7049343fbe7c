-- Editing a deck after it was made (issue 26): the deck's revision, which
-- an editor's If-Match names, and the record of every edit.

-- Moves on every stored deck revision and on nothing else (slide and
-- voting changes move state_version), so an editor's copy goes stale only
-- when someone else edited.
ALTER TABLE presentations
    ADD COLUMN deck_rev bigint NOT NULL DEFAULT 1 CHECK (deck_rev >= 1);

-- One row per edit, as crate::deck lists them. poll_id has no foreign key:
-- the record of a removed poll outlives the poll.
CREATE TABLE deck_edits (
    presentation_id  uuid NOT NULL REFERENCES presentations (id) ON DELETE CASCADE,
    deck_rev         bigint NOT NULL CHECK (deck_rev >= 2),
    seq              integer NOT NULL CHECK (seq >= 0),
    poll_id          uuid NOT NULL,
    what             text NOT NULL,
    option_key       text,
    before           text,
    after            text,
    at               timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (presentation_id, deck_rev, seq)
);
