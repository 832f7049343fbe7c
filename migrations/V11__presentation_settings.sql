-- A presentation's settings: what its pages show around the polls (a
-- title, the big screen's language, the event's colours, type scale and
-- logo) and two switches (Q&A open all event; results held until voting
-- closes). A presentation without a row has the defaults; the checks back
-- up the domain's newtypes (tally_domain::settings).
CREATE TABLE presentation_settings (
    presentation_id            uuid PRIMARY KEY REFERENCES presentations (id) ON DELETE CASCADE,
    -- Grows with every change of the settings or the logo: pages refetch
    -- the settings when the live state's settings_rev moves.
    revision                   bigint NOT NULL CHECK (revision > 0),
    title                      text CHECK (char_length(title) BETWEEN 1 AND 120),
    locale                     text NOT NULL DEFAULT 'en'
                               CHECK (locale IN ('en', 'de', 'fr', 'es', 'ar')),
    qa_always_open             boolean NOT NULL DEFAULT false,
    hide_results_until_closed  boolean NOT NULL DEFAULT false,
    accent                     text NOT NULL CHECK (accent ~ '^#[0-9a-f]{6}$'),
    background                 text NOT NULL CHECK (background ~ '^#[0-9a-f]{6}$'),
    -- Hundredths: 80 to 160 is 0.8 to 1.6.
    type_scale                 smallint NOT NULL DEFAULT 100 CHECK (type_scale BETWEEN 80 AND 160),
    -- Always a PNG Tally re-encoded (at most 1024 px a side), never the
    -- upload itself. Settings reads leave the column out.
    logo_png                   bytea CHECK (octet_length(logo_png) <= 8388608),
    logo_etag                  text,
    CHECK ((logo_png IS NULL) = (logo_etag IS NULL))
);
