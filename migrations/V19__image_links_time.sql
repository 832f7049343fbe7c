-- When a presentation last uploaded each of its images (issue 26): the
-- image sweep keeps an image no poll names for a grace period after its
-- last upload, so a picture in an editor whose deck is not saved yet stays.
ALTER TABLE presentation_images ADD COLUMN linked_at timestamptz NOT NULL DEFAULT now();
