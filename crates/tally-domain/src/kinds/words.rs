//! Word-cloud words under their normalised form.

use unicode_normalization::UnicodeNormalization as _;
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory as _};

/// The form a word counts under: Unicode NFKC (so composed and decomposed
/// accents, full-width letters and ligatures meet), lower-cased, trimmed,
/// inner whitespace collapsed to one space, and leading and trailing
/// punctuation (Unicode category P) stripped. `None` if nothing is left.
///
/// Symbols are not punctuation: an emoji is a word of its own.
pub fn normalise(raw: &str) -> Option<String> {
    let folded: String = raw.nfkc().collect::<String>().to_lowercase();
    let collapsed = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    let is_punctuation = |c: char| c.general_category_group() == GeneralCategoryGroup::Punctuation;
    let stripped = collapsed
        .trim_matches(|c: char| is_punctuation(c) || c.is_whitespace())
        .to_owned();
    (!stripped.is_empty()).then_some(stripped)
}

/// The form a word is shown in: as the participant spelt it (case and
/// accents kept), composed canonically (NFC: a decomposed accent is the
/// same spelling as a composed one), with whitespace and punctuation
/// trimmed as [`normalise`] trims them. `None` if nothing is left.
pub fn spelling(raw: &str) -> Option<String> {
    let composed: String = raw.nfc().collect();
    let collapsed = composed.split_whitespace().collect::<Vec<_>>().join(" ");
    let is_punctuation = |c: char| c.general_category_group() == GeneralCategoryGroup::Punctuation;
    let stripped = collapsed.trim_matches(|c: char| is_punctuation(c) || c.is_whitespace());
    (!stripped.is_empty()).then(|| stripped.to_owned())
}

#[cfg(test)]
mod tests {
    use super::{normalise, spelling};

    #[test]
    fn a_spelling_keeps_case_and_drops_what_surrounds_it() {
        assert_eq!(spelling(" «Café»! ").as_deref(), Some("Café"));
        assert_eq!(spelling("Cafe\u{301}").as_deref(), Some("Café"));
        assert_eq!(spelling("New   York").as_deref(), Some("New York"));
        assert_eq!(spelling("!!"), None);
    }

    #[test]
    fn tricky_words_meet_under_one_form() {
        let cases = [
            ("Café", Some("café")),
            ("Cafe\u{301}", Some("café")),
            ("CAFÉ", Some("café")),
            ("  café  ", Some("café")),
            ("¡Café!", Some("café")),
            ("\"café\",", Some("café")),
            ("ＣＡＦＥ", Some("cafe")),
            ("ﬁne", Some("fine")),
            ("New   York", Some("new york")),
            ("new\tyork", Some("new york")),
            ("rock'n'roll", Some("rock'n'roll")),
            ("...", None),
            ("   ", None),
            ("🎉", Some("🎉")),
            ("🎉!", Some("🎉")),
            ("Straße", Some("straße")),
            ("Ωmega", Some("ωmega")),
        ];
        for (raw, expected) in cases {
            assert_eq!(normalise(raw).as_deref(), expected, "{raw:?}");
        }
    }

    #[test]
    fn normalising_twice_changes_nothing() {
        for raw in ["Cafe\u{301}!", "  A  b ", "ＡＢＣ…", "🎉 party"] {
            let once = normalise(raw).unwrap_or_default();
            assert_eq!(normalise(&once).unwrap_or_default(), once);
        }
    }
}
