//! A deck from a plain outline, the way people already write one: a
//! Markdown list, or a spreadsheet saved as CSV (issue 26, "import a
//! simple outline").
//!
//! **Markdown.** Each heading (`#` to `######`) is a question; the bullets
//! under it (`-`, `*`, `+` or `1.`) are its options, keyed A, B, C… in
//! order. A bullet written `- [x] …` marks a correct answer and makes the
//! poll a quiz (`- [ ] …` is an option that is not). A question without
//! bullets is a word cloud. Lines that are neither are ignored (a talk's
//! own notes may sit between questions).
//!
//! **CSV.** One row per question: the question, then its options, one per
//! cell (empty cells are skipped); a row of the question alone is a word
//! cloud. A first row whose first cell is `question` (any case) is a
//! header and skipped. Quoted cells may hold commas and newlines. The file
//! must be UTF-8.
//!
//! Both give drafts checked as `POST /presentations` checks them, so every
//! refusal names the question's place ("question 3: …").

use crate::kinds::{PollType, SettingsDraft};
use crate::poll::{OptionKey, OptionValue, PollDraft, PollOption, Question, MAX_OPTIONS};
use crate::presentation::{PresentationDraft, PresentationError};
use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum OutlineError {
    #[error("the outline has no question: start each one with a heading (# …) or a row")]
    Empty,
    #[error("question {question}: {detail}")]
    Question { question: usize, detail: String },
    #[error("the CSV could not be read: {0}")]
    Csv(String),
    #[error(transparent)]
    Deck(#[from] PresentationError),
}

/// One question as written: its text and its options (with whether each
/// was marked correct).
#[derive(Default)]
struct Written {
    question: String,
    options: Vec<(String, bool)>,
    marked: bool,
}

/// The key of the `i`-th option: A…Z, then AA, AB… (64 options at most).
fn key(i: usize) -> String {
    const LETTERS: &[u8; 26] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    if i < 26 {
        char::from(LETTERS[i]).to_string()
    } else {
        format!(
            "{}{}",
            char::from(LETTERS[i / 26 - 1]),
            char::from(LETTERS[i % 26])
        )
    }
}

impl Written {
    fn into_draft(self, place: usize) -> Result<PollDraft, OutlineError> {
        let refused = |detail: String| OutlineError::Question {
            question: place,
            detail,
        };
        if self.options.len() > MAX_OPTIONS {
            return Err(refused(format!(
                "it has {} options; a question takes at most {MAX_OPTIONS}",
                self.options.len()
            )));
        }
        let question = Question::parse(self.question).map_err(|e| refused(e.to_string()))?;
        let mut correct = Vec::new();
        let options = self
            .options
            .into_iter()
            .enumerate()
            .map(|(i, (value, is_correct))| {
                if is_correct {
                    correct.push(key(i));
                }
                Ok(PollOption {
                    key: OptionKey::parse(key(i)).map_err(|e| refused(e.to_string()))?,
                    value: OptionValue::parse(value).map_err(|e| refused(e.to_string()))?,
                })
            })
            .collect::<Result<Vec<_>, OutlineError>>()?;
        let (kind, draft) = if options.is_empty() {
            (PollType::Wordcloud, SettingsDraft::default())
        } else if self.marked {
            let draft = SettingsDraft {
                correct: Some(correct),
                ..SettingsDraft::default()
            };
            (PollType::Quiz, draft)
        } else {
            (PollType::Single, SettingsDraft::default())
        };
        PollDraft::typed(question, options, kind, draft).map_err(|e| refused(e.to_string()))
    }
}

fn deck(written: Vec<Written>) -> Result<PresentationDraft, OutlineError> {
    if written.is_empty() {
        return Err(OutlineError::Empty);
    }
    let polls = written
        .into_iter()
        .enumerate()
        .map(|(i, w)| w.into_draft(i + 1))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(PresentationDraft::new(polls)?)
}

/// The bullet's text, and whether it is a checkbox and ticked.
fn bullet(line: &str) -> Option<(&str, Option<bool>)> {
    let rest = ["- ", "* ", "+ "]
        .iter()
        .find_map(|b| line.strip_prefix(b))
        .or_else(|| {
            let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            (digits > 0)
                .then(|| {
                    line[digits..]
                        .strip_prefix(". ")
                        .or(line[digits..].strip_prefix(") "))
                })
                .flatten()
        })?
        .trim();
    for (mark, ticked) in [("[x] ", true), ("[X] ", true), ("[ ] ", false)] {
        if let Some(text) = rest.strip_prefix(mark) {
            return Some((text.trim(), Some(ticked)));
        }
    }
    Some((rest, None))
}

/// A deck from a Markdown outline (see the module's documentation).
///
/// # Errors
/// [`OutlineError`]: no question, or a question, naming its place, that
/// `POST /presentations` would refuse.
pub fn from_markdown(text: &str) -> Result<PresentationDraft, OutlineError> {
    let mut written: Vec<Written> = Vec::new();
    for line in text.lines().map(str::trim) {
        let hashes = line.len() - line.trim_start_matches('#').len();
        if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
            written.push(Written {
                question: line[hashes..].trim().to_owned(),
                ..Written::default()
            });
        } else if let (Some(current), Some((text, check))) = (written.last_mut(), bullet(line)) {
            current.marked |= check.is_some();
            current.options.push((text.to_owned(), check == Some(true)));
        }
    }
    deck(written)
}

/// A deck from CSV (see the module's documentation).
///
/// # Errors
/// [`OutlineError`] as for [`from_markdown`], and [`OutlineError::Csv`]
/// for a file that is not UTF-8 (a spreadsheet saved in a legacy
/// encoding: saved again as "CSV UTF-8", it reads). An unclosed quote runs
/// to the end of the file, as spreadsheets read it.
pub fn from_csv(bytes: &[u8]) -> Result<PresentationDraft, OutlineError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut written = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| OutlineError::Csv(e.to_string()))?;
        let mut cells = record.iter().map(str::trim);
        let Some(question) = cells.next() else {
            continue;
        };
        if question.is_empty() || (i == 0 && question.eq_ignore_ascii_case("question")) {
            continue;
        }
        written.push(Written {
            question: question.to_owned(),
            options: cells
                .filter(|c| !c.is_empty())
                .map(|c| (c.to_owned(), false))
                .collect(),
            marked: false,
        });
    }
    deck(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(d: &PresentationDraft) -> Vec<PollType> {
        d.polls().iter().map(|p| p.settings().kind).collect()
    }

    fn values(p: &PollDraft) -> Vec<&str> {
        p.options().iter().map(|o| o.value.as_str()).collect()
    }

    #[test]
    fn headings_are_questions_and_bullets_their_options() {
        let outline = "# Welcome to the retro\n\nSome speaker notes here.\n\n## How did the sprint go?\n- Great\n* Fine\n+ Rough\n\n### 2 + 2?\n- [ ] 3\n- [x] 4\n1. [ ] 5\n\n# One word for the team?\n";
        let deck = from_markdown(outline).unwrap();
        assert_eq!(
            kinds(&deck),
            [
                PollType::Wordcloud,
                PollType::Single,
                PollType::Quiz,
                PollType::Wordcloud
            ]
        );
        let polls = deck.polls();
        assert_eq!(polls[1].question().as_str(), "How did the sprint go?");
        assert_eq!(values(&polls[1]), ["Great", "Fine", "Rough"]);
        let keys: Vec<&str> = polls[1].options().iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys, ["A", "B", "C"]);
        assert_eq!(values(&polls[2]), ["3", "4", "5"]);
        let correct: Vec<&str> = polls[2]
            .settings()
            .correct
            .iter()
            .map(OptionKey::as_str)
            .collect();
        assert_eq!(correct, ["B"]);
    }

    #[test]
    fn refusals_name_the_question() {
        assert_eq!(from_markdown("no heading\n- a\n"), Err(OutlineError::Empty));
        let duplicate_free_but_too_many: String = std::iter::once("# Many?".to_owned())
            .chain((0..=MAX_OPTIONS).map(|i| format!("- option {i}")))
            .collect::<Vec<_>>()
            .join("\n");
        let err =
            from_markdown(&format!("# Fine?\n- yes\n{duplicate_free_but_too_many}")).unwrap_err();
        assert!(
            matches!(err, OutlineError::Question { question: 2, .. }),
            "{err}"
        );
        let err = from_markdown("# Quiz?\n- [ ] a\n- [ ] b\n").unwrap_err();
        assert!(
            matches!(err, OutlineError::Question { question: 1, .. }),
            "a quiz needs a correct answer: {err}"
        );
    }

    #[test]
    fn sixty_four_options_get_keys_to_bl() {
        assert_eq!(key(0), "A");
        assert_eq!(key(25), "Z");
        assert_eq!(key(26), "AA");
        assert_eq!(key(63), "BL");
        let outline: String = std::iter::once("# All?".to_owned())
            .chain((0..MAX_OPTIONS).map(|i| format!("- option {i}")))
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(
            from_markdown(&outline).unwrap().polls()[0].options().len(),
            MAX_OPTIONS
        );
    }

    #[test]
    fn csv_rows_are_questions_with_quoted_cells() {
        let csv =
            "Question,Option 1,Option 2\n\"Lunch, or dinner?\",Lunch,\"Din\nner\"\nOne word?,,\n";
        let deck = from_csv(csv.as_bytes()).unwrap();
        assert_eq!(kinds(&deck), [PollType::Single, PollType::Wordcloud]);
        assert_eq!(deck.polls()[0].question().as_str(), "Lunch, or dinner?");
        assert_eq!(values(&deck.polls()[0]), ["Lunch", "Din\nner"]);
        assert!(matches!(
            from_csv(b"Caf\xe9?,Oui\n"),
            Err(OutlineError::Csv(_))
        ));
        assert_eq!(from_csv(b"question,a\n"), Err(OutlineError::Empty));
        let unclosed = from_csv(b"\"Open, still?,a\nB?,b\n").unwrap();
        assert_eq!(unclosed.polls().len(), 1);
    }
}
