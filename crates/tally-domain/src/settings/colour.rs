//! Colours and the contrast rule: whatever colours a presenter picks, the
//! pages get a palette that reads at WCAG 2.x level AA.

use std::fmt;
use thiserror::Error;

/// WCAG 2.x level AA for normal text: 4.5:1.
pub const AA_TEXT: f64 = 4.5;

/// An sRGB colour, written `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Colour([u8; 3]);

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("a colour is written #rrggbb (six hexadecimal digits)")]
pub struct ColourError;

impl Colour {
    pub const DEFAULT_ACCENT: Colour = Colour([0x2f, 0x5b, 0xd3]);
    pub const DEFAULT_BACKGROUND: Colour = Colour([0xff, 0xff, 0xff]);
    /// The dark text colour: softer than pure black on a light background.
    pub const NEAR_BLACK: Colour = Colour([0x11, 0x11, 0x11]);
    pub const WHITE: Colour = Colour([0xff, 0xff, 0xff]);
    pub const BLACK: Colour = Colour([0, 0, 0]);

    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self([r, g, b])
    }

    /// Parses `#rrggbb`, either case.
    ///
    /// # Errors
    /// [`ColourError`] for anything else (short forms and names included:
    /// one spelling keeps what is stored comparable).
    pub fn parse(raw: &str) -> Result<Self, ColourError> {
        let hex = raw.strip_prefix('#').ok_or(ColourError)?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(ColourError);
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| ColourError);
        Ok(Self([channel(0)?, channel(2)?, channel(4)?]))
    }

    /// WCAG 2.x relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = self.0;
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    /// This colour mixed with `other`, `t` of the way (0 to 1) towards it.
    fn mix(self, other: Colour, t: f64) -> Colour {
        let channel = |a: u8, b: u8| {
            let v = f64::from(a) + (f64::from(b) - f64::from(a)) * t;
            // Clamped to 0..=255 first, so the cast is exact.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let v = v.round().clamp(0.0, 255.0) as u8;
            v
        };
        let ([r1, g1, b1], [r2, g2, b2]) = (self.0, other.0);
        Colour([channel(r1, r2), channel(g1, g2), channel(b1, b2)])
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

/// The WCAG 2.x contrast ratio of two colours, 1 to 21.
pub fn contrast_ratio(a: Colour, b: Colour) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (light, dark) = if la >= lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// What the pages apply: the background as chosen, the text colour that
/// reads best on it, and the accent, adjusted when it would not read.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    pub background: Colour,
    /// Text on the background.
    pub ink: Colour,
    pub accent: Colour,
    /// Text on the accent (buttons, the leader's bar).
    pub accent_ink: Colour,
    pub warnings: Vec<PaletteWarning>,
}

/// Why the palette differs from what was chosen.
#[derive(Clone, Debug, PartialEq)]
pub enum PaletteWarning {
    /// The chosen accent reads at `ratio`:1 on the background, below AA;
    /// the palette's accent was darkened or lightened to `adjusted_ratio`.
    AccentContrast { ratio: f64, adjusted_ratio: f64 },
}

impl PaletteWarning {
    /// A stable code pages translate.
    pub fn code(&self) -> &'static str {
        match self {
            Self::AccentContrast { .. } => "accent_contrast",
        }
    }
}

/// Whichever of `candidates` reads best on `on`.
fn best_ink(on: Colour, candidates: [Colour; 2]) -> Colour {
    let [a, b] = candidates;
    if contrast_ratio(a, on) >= contrast_ratio(b, on) {
        a
    } else {
        b
    }
}

/// Text for `on`: near-black or white, whichever reads better; pure black
/// when neither reaches AA (a mid-grey background), which always does:
/// black or white reach at least 4.58:1 on any colour.
fn ink_for(on: Colour) -> Colour {
    let ink = best_ink(on, [Colour::NEAR_BLACK, Colour::WHITE]);
    if contrast_ratio(ink, on) >= AA_TEXT {
        ink
    } else {
        best_ink(on, [Colour::BLACK, Colour::WHITE])
    }
}

impl Palette {
    /// The palette for the chosen `accent` on `background`.
    pub fn for_colours(accent: Colour, background: Colour) -> Self {
        let ink = ink_for(background);
        let ratio = contrast_ratio(accent, background);
        let mut warnings = Vec::new();
        let accent = if ratio >= AA_TEXT {
            accent
        } else {
            // Towards whichever extreme contrasts most with the background,
            // in 1% steps: the smallest change that reads. The extreme
            // itself reads (see `ink_for`), so the search always ends.
            let extreme = best_ink(background, [Colour::BLACK, Colour::WHITE]);
            let adjusted = (1..=100)
                .map(|step| accent.mix(extreme, f64::from(step) / 100.0))
                .find(|c| contrast_ratio(*c, background) >= AA_TEXT)
                .unwrap_or(extreme);
            warnings.push(PaletteWarning::AccentContrast {
                ratio,
                adjusted_ratio: contrast_ratio(adjusted, background),
            });
            adjusted
        };
        Self {
            background,
            ink,
            accent,
            accent_ink: ink_for(accent),
            warnings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(raw: &str) -> Colour {
        Colour::parse(raw).unwrap()
    }

    #[test]
    fn colours_are_six_hex_digits_and_print_lower_case() {
        assert_eq!(c("#A1b2C3").to_string(), "#a1b2c3");
        for bad in [
            "a1b2c3", "#abc", "#a1b2c", "#a1b2c3d", "#gggggg", "red", "", "#+1b2c3",
        ] {
            assert_eq!(Colour::parse(bad), Err(ColourError), "{bad}");
        }
    }

    #[test]
    fn ratios_match_the_wcag_reference_values() {
        assert!((contrast_ratio(Colour::BLACK, Colour::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(c("#777777"), c("#777777")) - 1.0).abs() < 1e-9);
        // Reference figures from the WCAG contrast checker.
        assert!((contrast_ratio(c("#767676"), Colour::WHITE) - 4.54).abs() < 0.01);
        assert!((contrast_ratio(c("#777777"), Colour::WHITE) - 4.48).abs() < 0.01);
        assert!((contrast_ratio(c("#0000ff"), Colour::WHITE) - 8.59).abs() < 0.01);
        // Symmetric.
        assert_eq!(
            contrast_ratio(c("#123456"), c("#abcdef")),
            contrast_ratio(c("#abcdef"), c("#123456"))
        );
    }

    #[test]
    fn ink_is_near_black_on_light_and_white_on_dark() {
        assert_eq!(ink_for(Colour::WHITE), Colour::NEAR_BLACK);
        assert_eq!(ink_for(c("#fff5cc")), Colour::NEAR_BLACK);
        assert_eq!(ink_for(c("#101820")), Colour::WHITE);
        assert_eq!(ink_for(c("#2f5bd3")), Colour::WHITE);
    }

    #[test]
    fn every_background_gets_text_that_reads_at_aa() {
        // Mid-greys are the hard case: near-black and white both miss AA
        // on #777777.
        for v in (0..=255u8).step_by(3) {
            let bg = Colour::rgb(v, v, v);
            assert!(contrast_ratio(ink_for(bg), bg) >= AA_TEXT, "{bg}");
        }
        assert_eq!(ink_for(c("#777777")), Colour::BLACK);
    }

    #[test]
    fn a_readable_accent_is_kept_without_warning() {
        let p = Palette::for_colours(Colour::DEFAULT_ACCENT, Colour::DEFAULT_BACKGROUND);
        assert_eq!(p.accent, Colour::DEFAULT_ACCENT);
        assert!(p.warnings.is_empty());
        assert_eq!(p.ink, Colour::NEAR_BLACK);
    }

    #[test]
    fn a_faint_accent_is_darkened_on_light_and_lightened_on_dark() {
        let yellow = c("#ffe066");
        let p = Palette::for_colours(yellow, Colour::WHITE);
        let after = contrast_ratio(p.accent, Colour::WHITE);
        assert!(after >= AA_TEXT);
        assert!(p.accent.luminance() < yellow.luminance(), "darkened");
        match &p.warnings[..] {
            [w @ PaletteWarning::AccentContrast {
                ratio,
                adjusted_ratio,
            }] => {
                assert_eq!(w.code(), "accent_contrast");
                assert!((ratio - contrast_ratio(yellow, Colour::WHITE)).abs() < 1e-12);
                assert!(*ratio < AA_TEXT);
                assert!((adjusted_ratio - after).abs() < 1e-12);
            }
            other => panic!("{other:?}"),
        }
        // The smallest change: one step less would not read.
        assert!(after < AA_TEXT + 0.2, "{after}");

        let navy = c("#1a2a6c");
        let dark = c("#0b0f1a");
        let p = Palette::for_colours(navy, dark);
        assert!(contrast_ratio(p.accent, dark) >= AA_TEXT);
        assert!(p.accent.luminance() > navy.luminance(), "lightened");
        assert_eq!(p.ink, Colour::WHITE);
    }

    #[test]
    fn the_accent_reads_whatever_the_pair() {
        for a in (0..=255u8).step_by(17) {
            for b in (0..=255u8).step_by(17) {
                let accent = Colour::rgb(a, 255 - a, b);
                let background = Colour::rgb(b, a, b / 2);
                let p = Palette::for_colours(accent, background);
                assert!(contrast_ratio(p.accent, background) >= AA_TEXT);
                assert!(contrast_ratio(p.accent_ink, p.accent) >= AA_TEXT);
                assert_eq!(p.warnings.is_empty(), p.accent == accent);
            }
        }
    }
}
