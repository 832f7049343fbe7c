-- Issue 24: a published round is frozen. Beside its results (`snapshot`),
-- a publication keeps what they were computed from: the counted marks,
-- the judges who submitted, the lineup, the audience votes per contestant
-- and the conflicts then in force (`frozen`). Public results and exports
-- read it, so a conflict or anything else set later cannot change what
-- was announced, and `tally verify` recomputes the standings from it.
--
-- `digest_version` 2 covers the marks and the published standings; rounds
-- published before keep version 1 (marks only). Their `frozen` is filled
-- here from what the tables hold now, the best record there is.

ALTER TABLE contest_rounds
    ADD COLUMN digest_version smallint NOT NULL DEFAULT 2 CHECK (digest_version IN (1, 2)),
    ADD COLUMN frozen jsonb;

UPDATE contest_rounds r SET digest_version = 1, frozen = jsonb_build_object(
    'marks', coalesce((
        SELECT jsonb_agg(jsonb_build_object(
            'judge', m.judge_id, 'contestant', m.contestant_id,
            'criterion', m.criterion_id, 'mark', m.value::text))
        FROM contest_marks m
        JOIN contest_sheets s ON s.round_id = m.round_id AND s.judge_id = m.judge_id
        WHERE m.round_id = r.id AND s.state = 'submitted'
          AND NOT EXISTS (SELECT 1 FROM contest_conflicts x
                          WHERE x.judge_id = m.judge_id AND x.contestant_id = m.contestant_id)
    ), '[]'::jsonb),
    'judges', coalesce((
        SELECT jsonb_agg(judge_id) FROM contest_sheets
        WHERE round_id = r.id AND state = 'submitted'
    ), '[]'::jsonb),
    'lineup', coalesce((
        SELECT jsonb_agg(contestant_id) FROM contest_round_entries WHERE round_id = r.id
    ), '[]'::jsonb),
    'audience', coalesce((
        SELECT jsonb_object_agg(s->>'contestant_id', (s->>'audience_votes')::bigint)
        FROM jsonb_array_elements(r.snapshot->'standings') s
    ), '{}'::jsonb),
    'conflicts', coalesce((
        SELECT jsonb_object_agg(g.judge_id, g.contestants) FROM (
            SELECT x.judge_id, jsonb_agg(x.contestant_id) AS contestants
            FROM contest_conflicts x JOIN contest_links l ON l.id = x.judge_id
            WHERE l.contest_id = r.contest_id GROUP BY x.judge_id
        ) g
    ), '{}'::jsonb)
)
WHERE state = 'published';

ALTER TABLE contest_rounds
    ADD CONSTRAINT contest_rounds_published_is_frozen
    CHECK ((state = 'published') = (frozen IS NOT NULL));
