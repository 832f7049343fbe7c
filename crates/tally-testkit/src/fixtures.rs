//! Small builders for test data.

use tally_domain::{OptionKey, OptionValue, PollDraft, PollOption, PresentationDraft, Question};

/// A poll with the given question and option keys (values "Option <key>").
pub fn poll(question: &str, keys: &[&str]) -> PollDraft {
    PollDraft::new(
        Question::parse(question).expect("question"),
        keys.iter()
            .map(|k| PollOption {
                key: OptionKey::parse(*k).expect("key"),
                value: OptionValue::parse(format!("Option {k}")).expect("value"),
            })
            .collect(),
    )
    .expect("poll")
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
