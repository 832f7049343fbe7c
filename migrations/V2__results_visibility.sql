-- Whether the audience sees a poll's results (on their phones, through the
-- live channels). Off until the presenter shows them; per poll, like voting.
ALTER TABLE polls ADD COLUMN results_visible boolean NOT NULL DEFAULT false;
