-- Images beside a poll's question and options (issue 26), with their alt
-- text: {"question": {"image_id", "alt"}, "options": {"A": {…}}}, NULL for
-- none. The ids name rows of images; the domain checks they exist when a
-- deck is created or edited (no foreign key reaches into the JSON).
ALTER TABLE polls ADD COLUMN images jsonb;
