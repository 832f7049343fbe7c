-- Pictures on slides (issue 26): stored once per content, named by the
-- SHA-256 of their bytes, and linked to the presentations that uploaded
-- them (a picture two decks share is one row).
CREATE TABLE images (
    id            text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
    content_type  text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg')),
    width         integer NOT NULL CHECK (width BETWEEN 1 AND 8192),
    height        integer NOT NULL CHECK (height BETWEEN 1 AND 8192),
    bytes         bytea NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE presentation_images (
    presentation_id  uuid NOT NULL REFERENCES presentations (id) ON DELETE CASCADE,
    image_id         text NOT NULL REFERENCES images (id),
    PRIMARY KEY (presentation_id, image_id)
);
CREATE INDEX presentation_images_by_image ON presentation_images (image_id);
