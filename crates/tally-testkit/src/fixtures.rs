//! Small builders for test data.

use tally_domain::{OptionKey, OptionValue, PollDraft, PollOption, PresentationDraft, Question};

/// A poll with the given question and option keys (values "Option <key>").
pub fn poll(question: &str, keys: &[&str]) -> PollDraft {
    typed(
        question,
        tally_domain::kinds::PollType::Single,
        keys,
        tally_domain::kinds::SettingsDraft::default(),
    )
}

/// A deck of `n` polls, each with options A, B and C.
pub fn deck(n: usize) -> PresentationDraft {
    PresentationDraft::new(
        (0..n)
            .map(|i| poll(&format!("Question {i}?"), &["A", "B", "C"]))
            .collect(),
    )
    .expect("presentation")
}

/// A poll of `kind` with these option keys and settings.
pub fn typed(
    question: &str,
    kind: tally_domain::kinds::PollType,
    keys: &[&str],
    settings: tally_domain::kinds::SettingsDraft,
) -> PollDraft {
    PollDraft::typed(
        Question::parse(question).expect("question"),
        keys.iter()
            .map(|k| PollOption {
                key: OptionKey::parse(*k).expect("key"),
                value: OptionValue::parse(format!("Option {k}")).expect("value"),
            })
            .collect(),
        kind,
        settings,
    )
    .expect("poll")
}

/// A deck of one poll.
pub fn one(poll: PollDraft) -> PresentationDraft {
    PresentationDraft::new(vec![poll]).expect("presentation")
}

/// A small PNG (2 × 1, two colours), as an upload would be.
pub fn tiny_png() -> Vec<u8> {
    tiny_png_of(0)
}

/// Another small PNG for each `shade`: pictures that differ, so that
/// content addressing stores each once.
pub fn tiny_png_of(shade: u8) -> Vec<u8> {
    let image = image::RgbaImage::from_fn(2, 1, |x, _| image::Rgba([255 * x as u8, shade, 0, 255]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgba8(image)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .expect("encoding a PNG in memory");
    out
}
