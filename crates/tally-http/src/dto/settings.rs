//! A presentation's settings on the wire (`GET`/`PATCH
//! /presentations/{id}/settings`).

use serde::{Deserialize, Deserializer, Serialize};
use tally_domain::settings::PaletteWarning;
use tally_domain::usecases::SettingsView;
use tally_domain::PresentationId;
use utoipa::ToSchema;
use uuid::Uuid;

/// A partial change: fields left out stay as they are.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SettingsPatchBody {
    /// Shown in the phones' lobby and on the big screen; at most 120
    /// characters; `null` or `""` removes it.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, nullable)]
    pub title: Option<Option<String>>,
    /// The big screen's language: `en`, `de`, `fr`, `es` or `ar`.
    pub locale: Option<String>,
    /// The deck's Q&A poll is offered on the phones on every slide.
    pub qa_always_open: Option<bool>,
    /// While voting on the poll on screen is open, the audience and the big
    /// screen do not get its results, even when shown.
    pub hide_results_until_closed: Option<bool>,
    /// `#rrggbb`.
    pub accent: Option<String>,
    /// `#rrggbb`.
    pub background: Option<String>,
    /// 0.8 to 1.6 (kept to hundredths).
    pub type_scale: Option<f64>,
}

/// A field that is present (even as `null`) is `Some`: `null` removes.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Ok(Some(Option::deserialize(d)?))
}

/// The settings, with the palette the pages apply.
#[derive(Debug, Serialize, ToSchema)]
pub struct SettingsBody {
    pub presentation_id: Uuid,
    /// Grows with every change (0: never changed); the live state's
    /// `settings_rev`.
    pub revision: u64,
    pub title: Option<String>,
    pub locale: &'static str,
    pub qa_always_open: bool,
    pub hide_results_until_closed: bool,
    /// The deck's Q&A poll, which phones offer on every slide when
    /// `qa_always_open` is on; `null` without one.
    pub qa_poll_id: Option<Uuid>,
    /// As chosen.
    pub accent: String,
    /// As chosen.
    pub background: String,
    pub type_scale: f64,
    /// `null` without a logo.
    pub logo: Option<LogoRefBody>,
    /// The colours to apply: the chosen ones, with the accent adjusted to
    /// read at WCAG AA (4.5:1) on the background when it did not.
    pub palette: PaletteBody,
    /// Why the palette differs from the choice.
    pub warnings: Vec<WarningBody>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LogoRefBody {
    /// Where to get it; changes with the image, so it can be cached.
    pub url: String,
    pub etag: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PaletteBody {
    pub accent: String,
    pub background: String,
    /// Text on the background: near-black (#111111) or white, whichever
    /// reads better (black when neither reaches AA).
    pub ink: String,
    /// Text on the accent.
    pub accent_ink: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WarningBody {
    /// `accent_contrast`.
    pub code: &'static str,
    /// The setting it is about.
    pub field: &'static str,
    /// The chosen colours' contrast ratio (x:1), to two decimals.
    pub ratio: f64,
    /// The palette's, after adjusting.
    pub adjusted_ratio: f64,
}

fn two_decimals(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

impl SettingsBody {
    pub fn new(id: PresentationId, view: &SettingsView) -> Self {
        let choices = &view.settings.choices;
        let palette = &view.palette;
        let id = *id.as_uuid();
        Self {
            presentation_id: id,
            revision: view.settings.revision,
            title: choices.title.as_ref().map(|t| t.as_str().to_owned()),
            locale: choices.locale.as_str(),
            qa_always_open: choices.qa_always_open,
            hide_results_until_closed: choices.hide_results_until_closed,
            qa_poll_id: view.qa_poll.map(|p| *p.as_uuid()),
            accent: choices.accent.to_string(),
            background: choices.background.to_string(),
            type_scale: choices.type_scale.factor(),
            logo: view.settings.logo.as_ref().map(|etag| LogoRefBody {
                url: format!("/presentations/{id}/logo?v={etag}"),
                etag: etag.clone(),
            }),
            palette: PaletteBody {
                accent: palette.accent.to_string(),
                background: palette.background.to_string(),
                ink: palette.ink.to_string(),
                accent_ink: palette.accent_ink.to_string(),
            },
            warnings: palette
                .warnings
                .iter()
                .map(|w| match w {
                    PaletteWarning::AccentContrast {
                        ratio,
                        adjusted_ratio,
                    } => WarningBody {
                        code: w.code(),
                        field: "accent",
                        ratio: two_decimals(*ratio),
                        adjusted_ratio: two_decimals(*adjusted_ratio),
                    },
                })
                .collect(),
        }
    }
}
