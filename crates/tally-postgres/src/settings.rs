//! A presentation's settings and logo (`presentation_settings`, V11): a
//! presentation without a row has the defaults.

use crate::load;
use crate::store::store_error;
use anyhow::Context as _;
use deadpool_postgres::GenericClient;
use tally_domain::ports::{SettingsChangeError, StoreError};
use tally_domain::settings::{
    Colour, Logo, PresentationSettings, ScreenLocale, SettingsChoices, StoredLogo, Title, TypeScale,
};
use tally_domain::{Presentation, PresentationId};
use tokio_postgres::Row;

/// One row per existing presentation, with nulls when it has no settings.
const SETTINGS: &str = "SELECT s.revision, s.title, s.locale, s.qa_always_open, \
     s.hide_results_until_closed, s.accent, s.background, s.type_scale, s.logo_etag \
     FROM presentations p LEFT JOIN presentation_settings s ON s.presentation_id = p.id \
     WHERE p.id = $1";
const LOGO: &str =
    "SELECT logo_png, logo_etag FROM presentation_settings WHERE presentation_id = $1 \
     AND logo_png IS NOT NULL";
/// Takes the presentation's row lock, so that concurrent changes
/// serialise (the read that follows sees the one before), and tells the
/// live copies that the state changed.
const BUMP: &str = "UPDATE presentations SET state_version = state_version + 1 \
     WHERE id = $1 RETURNING id";
const UPSERT_CHOICES: &str = "INSERT INTO presentation_settings \
     (presentation_id, revision, title, locale, qa_always_open, hide_results_until_closed, \
      accent, background, type_scale) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
     ON CONFLICT (presentation_id) DO UPDATE SET revision = EXCLUDED.revision, \
     title = EXCLUDED.title, locale = EXCLUDED.locale, \
     qa_always_open = EXCLUDED.qa_always_open, \
     hide_results_until_closed = EXCLUDED.hide_results_until_closed, \
     accent = EXCLUDED.accent, background = EXCLUDED.background, \
     type_scale = EXCLUDED.type_scale";
const UPSERT_LOGO: &str = "INSERT INTO presentation_settings \
     (presentation_id, revision, accent, background, logo_png, logo_etag) \
     VALUES ($1, $2, $3, $4, $5, $6) \
     ON CONFLICT (presentation_id) DO UPDATE SET revision = EXCLUDED.revision, \
     logo_png = EXCLUDED.logo_png, logo_etag = EXCLUDED.logo_etag";

/// The settings, `None` for an unknown presentation.
pub(crate) async fn read<C: GenericClient>(
    client: &C,
    id: PresentationId,
) -> Result<Option<PresentationSettings>, StoreError> {
    let statement = client.prepare_cached(SETTINGS).await.map_err(store_error)?;
    client
        .query_opt(&statement, &[id.as_uuid()])
        .await
        .map_err(store_error)?
        .map(|row| from_row(&row).map_err(StoreError))
        .transpose()
}

fn from_row(row: &Row) -> anyhow::Result<PresentationSettings> {
    let Some(revision) = row.try_get::<_, Option<i64>>("revision")? else {
        return Ok(PresentationSettings::default());
    };
    let colour = |column: &str| -> anyhow::Result<Colour> {
        Colour::parse(row.try_get(column)?).with_context(|| format!("stored {column}"))
    };
    let title = match row.try_get::<_, Option<&str>>("title")? {
        Some(raw) => Title::parse(raw).context("stored title")?,
        None => None,
    };
    let scale = u16::try_from(row.try_get::<_, i16>("type_scale")?)?;
    Ok(PresentationSettings {
        choices: SettingsChoices {
            title,
            locale: ScreenLocale::parse(row.try_get("locale")?).context("stored locale")?,
            qa_always_open: row.try_get("qa_always_open")?,
            hide_results_until_closed: row.try_get("hide_results_until_closed")?,
            accent: colour("accent")?,
            background: colour("background")?,
            type_scale: TypeScale::from_hundredths(scale).context("stored type scale")?,
        },
        logo: row.try_get("logo_etag")?,
        revision: u64::try_from(revision)?,
    })
}

pub(crate) async fn logo<C: GenericClient>(
    client: &C,
    id: PresentationId,
) -> Result<Option<StoredLogo>, StoreError> {
    let statement = client.prepare_cached(LOGO).await.map_err(store_error)?;
    let row = client
        .query_opt(&statement, &[id.as_uuid()])
        .await
        .map_err(store_error)?;
    row.map(|row| {
        Ok(StoredLogo {
            png: row.try_get("logo_png").map_err(store_error)?,
            etag: row.try_get("logo_etag").map_err(store_error)?,
        })
    })
    .transpose()
}

/// What a change writes.
pub(crate) enum Change {
    Choices(tally_domain::settings::SettingsPatch),
    Logo(Option<Logo>),
}

/// Applies `change` in one transaction: lock, read, write, read back.
pub(crate) async fn change(
    client: &mut deadpool_postgres::Object,
    id: PresentationId,
    change: Change,
) -> Result<(PresentationSettings, Presentation), SettingsChangeError> {
    let tx = client.transaction().await.map_err(store_error)?;
    tx.query_opt(BUMP, &[id.as_uuid()])
        .await
        .map_err(store_error)?
        .ok_or(SettingsChangeError::NotFound)?;
    let before = read(&tx, id).await?.ok_or(SettingsChangeError::NotFound)?;
    let revision = i64::try_from(before.revision + 1).map_err(store_error)?;
    match change {
        Change::Choices(patch) => {
            let c = patch.apply(before.choices);
            let scale = i16::try_from(c.type_scale.hundredths()).map_err(store_error)?;
            tx.execute(
                UPSERT_CHOICES,
                &[
                    id.as_uuid(),
                    &revision,
                    &c.title.as_ref().map(Title::as_str),
                    &c.locale.as_str(),
                    &c.qa_always_open,
                    &c.hide_results_until_closed,
                    &c.accent.to_string(),
                    &c.background.to_string(),
                    &scale,
                ],
            )
            .await
            .map_err(store_error)?;
        }
        Change::Logo(logo) => {
            tx.execute(
                UPSERT_LOGO,
                &[
                    id.as_uuid(),
                    &revision,
                    &before.choices.accent.to_string(),
                    &before.choices.background.to_string(),
                    &logo.as_ref().map(Logo::png),
                    &logo.as_ref().map(Logo::etag),
                ],
            )
            .await
            .map_err(store_error)?;
        }
    }
    let after = read(&tx, id).await?.ok_or(SettingsChangeError::NotFound)?;
    let presentation = load::presentation(&tx, id)
        .await
        .map_err(StoreError)?
        .ok_or(SettingsChangeError::NotFound)?;
    tx.commit().await.map_err(store_error)?;
    Ok((after, presentation))
}
