//! A presentation's settings: what the audience's pages show around the
//! polls (a title, the big screen's language, the event's colours and
//! logo) and two switches that change who sees or may do what.
//!
//! Every value is a validating newtype, so a stored setting is always one
//! the pages can apply.

mod colour;
mod logo;

pub use colour::{contrast_ratio, Colour, ColourError, Palette, PaletteWarning, AA_TEXT};
pub use logo::{Logo, LogoError, StoredLogo, MAX_LOGO_BYTES, MAX_LOGO_SIDE};

use thiserror::Error;

/// Longest title, in characters: one line on a phone's lobby.
pub const MAX_TITLE_CHARS: usize = 120;

/// The event's title, shown in the phones' lobby and on the big screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title(String);

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TitleError {
    #[error("a title has at most {MAX_TITLE_CHARS} characters")]
    TooLong,
    #[error("a title cannot contain control characters")]
    ControlCharacters,
}

impl Title {
    /// Trims `raw`; an empty title is no title (`Ok(None)`).
    ///
    /// # Errors
    /// [`TitleError`] when it is too long or holds control characters.
    pub fn parse(raw: &str) -> Result<Option<Self>, TitleError> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Ok(None);
        }
        if trimmed.chars().count() > MAX_TITLE_CHARS {
            return Err(TitleError::TooLong);
        }
        if trimmed.chars().any(char::is_control) {
            return Err(TitleError::ControlCharacters);
        }
        Ok(Some(Self(trimmed.to_owned())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The big screen's language: one of those the pages ship.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ScreenLocale {
    #[default]
    En,
    De,
    Fr,
    Es,
    Ar,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("the big screen's language is one of en, de, fr, es, ar")]
pub struct LocaleError;

impl ScreenLocale {
    pub const ALL: [ScreenLocale; 5] = [Self::En, Self::De, Self::Fr, Self::Es, Self::Ar];

    /// # Errors
    /// [`LocaleError`] for a language the pages do not ship.
    pub fn parse(raw: &str) -> Result<Self, LocaleError> {
        Self::ALL
            .into_iter()
            .find(|l| l.as_str() == raw)
            .ok_or(LocaleError)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::De => "de",
            Self::Fr => "fr",
            Self::Es => "es",
            Self::Ar => "ar",
        }
    }
}

/// How much larger (or smaller) than the pages' own sizes the big screen
/// and the phones set their type, in hundredths: kept whole so settings
/// compare exactly and store as an integer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypeScale(u16);

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("the type scale is a number from 0.8 to 1.6")]
pub struct TypeScaleError;

impl TypeScale {
    pub const MIN: u16 = 80;
    pub const MAX: u16 = 160;

    /// `factor` rounded to hundredths.
    ///
    /// # Errors
    /// [`TypeScaleError`] outside 0.8–1.6 (or not a number).
    pub fn parse(factor: f64) -> Result<Self, TypeScaleError> {
        let hundredths = (factor * 100.0).round();
        if !hundredths.is_finite()
            || hundredths < f64::from(Self::MIN)
            || hundredths > f64::from(Self::MAX)
        {
            return Err(TypeScaleError);
        }
        // In range just above, so the cast is exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Ok(Self(hundredths as u16))
    }

    /// # Errors
    /// [`TypeScaleError`] outside 80–160.
    pub fn from_hundredths(hundredths: u16) -> Result<Self, TypeScaleError> {
        (Self::MIN..=Self::MAX)
            .contains(&hundredths)
            .then_some(Self(hundredths))
            .ok_or(TypeScaleError)
    }

    pub fn hundredths(self) -> u16 {
        self.0
    }

    pub fn factor(self) -> f64 {
        f64::from(self.0) / 100.0
    }
}

impl Default for TypeScale {
    fn default() -> Self {
        Self(100)
    }
}

/// What the presenter chose (everything but the logo, which is uploaded on
/// its own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsChoices {
    pub title: Option<Title>,
    pub locale: ScreenLocale,
    /// The deck's Q&A poll is offered on the phones for the whole event,
    /// not only while it is on screen.
    pub qa_always_open: bool,
    /// While voting on the poll on screen is open, the audience (phones
    /// and the big screen) does not get its results, even when shown.
    pub hide_results_until_closed: bool,
    pub accent: Colour,
    pub background: Colour,
    pub type_scale: TypeScale,
}

impl Default for SettingsChoices {
    fn default() -> Self {
        Self {
            title: None,
            locale: ScreenLocale::default(),
            qa_always_open: false,
            hide_results_until_closed: false,
            accent: Colour::DEFAULT_ACCENT,
            background: Colour::DEFAULT_BACKGROUND,
            type_scale: TypeScale::default(),
        }
    }
}

/// A presentation's settings as stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PresentationSettings {
    pub choices: SettingsChoices,
    /// The stored logo's entity tag, when there is a logo.
    pub logo: Option<String>,
    /// Grows by one with every change of the settings or the logo, from 0
    /// (never changed): pages refetch the settings when it moves.
    pub revision: u64,
}

impl PresentationSettings {
    /// The colours to apply: the chosen ones made readable.
    pub fn palette(&self) -> Palette {
        Palette::for_colours(self.choices.accent, self.choices.background)
    }
}

/// A partial change: each `Some` replaces that setting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SettingsPatch {
    /// `Some(None)` removes the title.
    pub title: Option<Option<Title>>,
    pub locale: Option<ScreenLocale>,
    pub qa_always_open: Option<bool>,
    pub hide_results_until_closed: Option<bool>,
    pub accent: Option<Colour>,
    pub background: Option<Colour>,
    pub type_scale: Option<TypeScale>,
}

impl SettingsPatch {
    /// `choices` with this patch applied.
    #[must_use]
    pub fn apply(self, mut choices: SettingsChoices) -> SettingsChoices {
        if let Some(title) = self.title {
            choices.title = title;
        }
        if let Some(locale) = self.locale {
            choices.locale = locale;
        }
        if let Some(on) = self.qa_always_open {
            choices.qa_always_open = on;
        }
        if let Some(on) = self.hide_results_until_closed {
            choices.hide_results_until_closed = on;
        }
        if let Some(accent) = self.accent {
            choices.accent = accent;
        }
        if let Some(background) = self.background {
            choices.background = background;
        }
        if let Some(scale) = self.type_scale {
            choices.type_scale = scale;
        }
        choices
    }
}

/// The settings a presentation's live state carries: what the live
/// channels act on and tell the pages, loaded with the presentation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LiveSettings {
    /// [`PresentationSettings::revision`]: pages refetch the settings when
    /// it changes.
    pub revision: u64,
    /// [`SettingsChoices::hide_results_until_closed`].
    pub hide_results_until_closed: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_trimmed_bounded_and_empty_means_none() {
        assert_eq!(
            Title::parse("  Town hall  ").unwrap().unwrap().as_str(),
            "Town hall"
        );
        assert_eq!(Title::parse("   ").unwrap(), None);
        assert!(Title::parse(&"é".repeat(MAX_TITLE_CHARS))
            .unwrap()
            .is_some());
        assert_eq!(
            Title::parse(&"é".repeat(MAX_TITLE_CHARS + 1)),
            Err(TitleError::TooLong)
        );
        assert_eq!(Title::parse("a\u{0}b"), Err(TitleError::ControlCharacters));
    }

    #[test]
    fn locales_are_the_shipped_ones() {
        for l in ScreenLocale::ALL {
            assert_eq!(ScreenLocale::parse(l.as_str()), Ok(l));
        }
        assert_eq!(ScreenLocale::parse("EN"), Err(LocaleError));
        assert_eq!(ScreenLocale::parse("it"), Err(LocaleError));
    }

    #[test]
    fn type_scales_are_bounded_and_kept_in_hundredths() {
        assert_eq!(TypeScale::parse(0.8).unwrap().hundredths(), 80);
        assert_eq!(TypeScale::parse(1.6).unwrap().hundredths(), 160);
        assert_eq!(TypeScale::parse(1.234).unwrap().hundredths(), 123);
        for bad in [0.79, 1.61, f64::NAN, f64::INFINITY, -1.0] {
            assert_eq!(TypeScale::parse(bad), Err(TypeScaleError), "{bad}");
        }
        assert!(TypeScale::from_hundredths(79).is_err());
        assert_eq!(TypeScale::default().factor(), 1.0);
    }

    #[test]
    fn a_patch_replaces_only_what_it_names() {
        let before = SettingsChoices {
            title: Title::parse("Old").unwrap(),
            ..SettingsChoices::default()
        };
        let after = SettingsPatch {
            locale: Some(ScreenLocale::Ar),
            qa_always_open: Some(true),
            ..SettingsPatch::default()
        }
        .apply(before.clone());
        assert_eq!(after.title, before.title);
        assert_eq!(after.locale, ScreenLocale::Ar);
        assert!(after.qa_always_open);
        assert_eq!(after.accent, before.accent);
        let cleared = SettingsPatch {
            title: Some(None),
            ..SettingsPatch::default()
        }
        .apply(after);
        assert_eq!(cleared.title, None);
    }
}
