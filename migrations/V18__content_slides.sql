-- Content slides (issue 26): a poll of type 'content' is a slide with a
-- heading (the question), a body kept in its settings and an optional
-- image; it takes no votes (the domain refuses them before any intake).
ALTER TABLE polls DROP CONSTRAINT polls_kind_check;
ALTER TABLE polls ADD CONSTRAINT polls_kind_check
    CHECK (kind IN ('single', 'multiple', 'scale', 'ranking', 'points',
                    'wordcloud', 'open', 'quiz', 'qa', 'content'));
