//! Slide images, content-addressed ([`tally_domain::deck::image`]).

use crate::store::store_error;
use tally_domain::deck::image::{ImageId, StoredImage};
use tally_domain::picture::Picture;
use tally_domain::ports::{SettingsChangeError, StoreError};
use tally_domain::PresentationId;

/// Stores the picture unless stored already, and links it to the
/// presentation, in one transaction.
pub(crate) async fn store(
    client: &mut deadpool_postgres::Object,
    id: PresentationId,
    picture: &Picture,
) -> Result<ImageId, SettingsChangeError> {
    let image = ImageId::of(picture);
    let tx = client.transaction().await.map_err(store_error)?;
    let exists = tx
        .query_opt(
            "SELECT 1 FROM presentations WHERE id = $1 FOR KEY SHARE",
            &[id.as_uuid()],
        )
        .await
        .map_err(store_error)?;
    if exists.is_none() {
        return Err(SettingsChangeError::NotFound);
    }
    let width = i32::try_from(picture.width()).map_err(store_error)?;
    let height = i32::try_from(picture.height()).map_err(store_error)?;
    tx.execute(
        "INSERT INTO images (id, content_type, width, height, bytes) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (id) DO NOTHING",
        &[
            &image.as_str(),
            &picture.content_type(),
            &width,
            &height,
            &picture.bytes(),
        ],
    )
    .await
    .map_err(store_error)?;
    tx.execute(
        "INSERT INTO presentation_images (presentation_id, image_id) VALUES ($1, $2) \
         ON CONFLICT (presentation_id, image_id) DO UPDATE SET linked_at = now()",
        &[id.as_uuid(), &image.as_str()],
    )
    .await
    .map_err(store_error)?;
    tx.commit().await.map_err(store_error)?;
    Ok(image)
}

pub(crate) async fn get(
    client: &deadpool_postgres::Object,
    image: &ImageId,
) -> Result<Option<StoredImage>, StoreError> {
    let row = client
        .query_opt(
            "SELECT content_type, width, height, bytes FROM images WHERE id = $1",
            &[&image.as_str()],
        )
        .await
        .map_err(store_error)?;
    row.map(|row| {
        Ok(StoredImage {
            content_type: row.try_get("content_type")?,
            width: u32::try_from(row.try_get::<_, i32>("width")?)?,
            height: u32::try_from(row.try_get::<_, i32>("height")?)?,
            bytes: row.try_get("bytes")?,
        })
    })
    .transpose()
    .map_err(|e: anyhow::Error| StoreError(e))
}

pub(crate) async fn missing(
    client: &deadpool_postgres::Object,
    ids: &[ImageId],
) -> Result<Vec<ImageId>, StoreError> {
    let wanted: Vec<&str> = ids.iter().map(ImageId::as_str).collect();
    let rows = client
        .query("SELECT id FROM images WHERE id = ANY($1)", &[&wanted])
        .await
        .map_err(store_error)?;
    let found: std::collections::HashSet<String> =
        rows.iter().map(|r| r.get::<_, String>(0)).collect();
    Ok(ids
        .iter()
        .filter(|id| !found.contains(id.as_str()))
        .cloned()
        .collect())
}

/// The images no poll names (at any depth of its `images`: the question's
/// and the options') and none uploaded since `uploaded_before`, with their
/// links, in one statement: the links go first within it, and the foreign
/// key from the links is checked at its end.
const SWEEP: &str = "WITH named AS ( \
         SELECT DISTINCT jsonb_path_query(images, '$.**.image_id') #>> '{}' AS id \
         FROM polls WHERE images IS NOT NULL), \
     garbage AS ( \
         SELECT i.id FROM images i \
         WHERE NOT EXISTS (SELECT 1 FROM named n WHERE n.id = i.id) \
           AND NOT EXISTS (SELECT 1 FROM presentation_images l \
                           WHERE l.image_id = i.id AND l.linked_at >= $1)), \
     unlinked AS ( \
         DELETE FROM presentation_images WHERE image_id IN (SELECT id FROM garbage)), \
     gone AS (DELETE FROM images WHERE id IN (SELECT id FROM garbage) RETURNING 1) \
     SELECT count(*) FROM gone";

pub(crate) async fn sweep(
    client: &deadpool_postgres::Object,
    uploaded_before: std::time::SystemTime,
) -> Result<u64, StoreError> {
    let row = client
        .query_one(SWEEP, &[&uploaded_before])
        .await
        .map_err(store_error)?;
    u64::try_from(row.get::<_, i64>(0)).map_err(store_error)
}
