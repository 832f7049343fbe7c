-- Issue 12: each round scores its own lineup of contestants (a final takes
-- only the finalists). Set while the round is a draft, before any mark;
-- existing rounds keep every contestant of their contest.
CREATE TABLE contest_round_entries (
    round_id       uuid NOT NULL REFERENCES contest_rounds (id),
    contestant_id  uuid NOT NULL REFERENCES contestants (id),
    PRIMARY KEY (round_id, contestant_id)
);

INSERT INTO contest_round_entries (round_id, contestant_id)
SELECT r.id, c.id
FROM contest_rounds r JOIN contestants c ON c.contest_id = r.contest_id;
