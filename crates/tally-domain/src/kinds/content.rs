//! Content slides (issue 26): a heading (the poll's question), a body in a
//! small, safe Markdown subset and an optional image; they take no votes.
//!
//! The body is parsed here, once, by a maintained CommonMark parser into
//! [`Block`]s of plain text [`Span`]s, and the pages draw those as text
//! nodes. No HTML is ever produced, so nothing in a body can become markup
//! on a phone or the big screen. What the subset leaves out (raw HTML,
//! links, images, headings, code blocks, quotes, nested lists, rules) is
//! refused with its name rather than silently shown as something else: the
//! presenter sees at once what the slide will not show.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

/// Longest body, in characters: a slide's worth of text.
pub const MAX_BODY_CHARS: usize = 2_000;

/// Why a content slide's body was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BodyError {
    #[error("body must be at most {MAX_BODY_CHARS} characters")]
    TooLong,
    #[error("body must not contain control characters other than line breaks")]
    ControlCharacter,
    #[error("body holds {0}, which a slide does not show; it takes paragraphs, **bold**, *italic* and lists (- or 1.), one level deep")]
    Unsupported(&'static str),
}

/// A run of text in one style. `text` may hold `\n` (a hard line break).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    pub text: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub strong: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub emphasis: bool,
}

/// One block of a body, as the pages draw it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Paragraph { spans: Vec<Span> },
    Bullets { items: Vec<Vec<Span>> },
    Numbered { start: u64, items: Vec<Vec<Span>> },
}

/// A validated body: the Markdown as the presenter wrote it (what a store
/// and a deck file keep) and the blocks it reads as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentBody {
    source: String,
    blocks: Vec<Block>,
}

impl ContentBody {
    /// A body as a form sends it: blank is no body.
    ///
    /// # Errors
    /// [`BodyError`] when it is too long, holds control characters or a
    /// construct outside the subset.
    pub fn parse_optional(raw: Option<String>) -> Result<Option<Self>, BodyError> {
        raw.filter(|r| !r.trim().is_empty())
            .map(Self::parse)
            .transpose()
    }

    /// # Errors
    /// As for [`Self::parse_optional`].
    pub fn parse(raw: String) -> Result<Self, BodyError> {
        // Windows line ends from a pasted text are line ends, not control
        // characters.
        let source = raw.replace("\r\n", "\n");
        if source.chars().count() > MAX_BODY_CHARS {
            return Err(BodyError::TooLong);
        }
        if source
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
        {
            return Err(BodyError::ControlCharacter);
        }
        let blocks = Reader::default().read(&source)?;
        Ok(Self { source, blocks })
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }
}

/// Where the reader is within the body.
#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    /// The spans of the paragraph or list item being read.
    spans: Vec<Span>,
    /// The list being read: its start number (None for bullets) and items.
    list: Option<(Option<u64>, Vec<Vec<Span>>)>,
    strong: u32,
    emphasis: u32,
}

impl Reader {
    fn read(mut self, source: &str) -> Result<Vec<Block>, BodyError> {
        for event in Parser::new_ext(source, Options::empty()) {
            self.take(event)?;
        }
        Ok(self.blocks)
    }

    fn take(&mut self, event: Event<'_>) -> Result<(), BodyError> {
        match event {
            Event::Start(tag) => self.start(&tag)?,
            Event::End(TagEnd::Paragraph) if self.list.is_none() => {
                let spans = std::mem::take(&mut self.spans);
                self.blocks.push(Block::Paragraph { spans });
            }
            Event::End(TagEnd::Item) => {
                let spans = std::mem::take(&mut self.spans);
                if let Some((_, items)) = self.list.as_mut() {
                    items.push(spans);
                }
            }
            Event::End(TagEnd::List(_)) => {
                if let Some((start, items)) = self.list.take() {
                    self.blocks.push(match start {
                        Some(start) => Block::Numbered { start, items },
                        None => Block::Bullets { items },
                    });
                }
            }
            Event::End(TagEnd::Strong) => self.strong = self.strong.saturating_sub(1),
            Event::End(TagEnd::Emphasis) => self.emphasis = self.emphasis.saturating_sub(1),
            Event::End(_) => {}
            // Inline code reads as its text: a slide has no monospace.
            Event::Text(text) | Event::Code(text) => self.push(&text),
            Event::SoftBreak => self.push(" "),
            Event::HardBreak => self.push("\n"),
            Event::Html(_) | Event::InlineHtml(_) => {
                return Err(BodyError::Unsupported("HTML"));
            }
            Event::Rule => return Err(BodyError::Unsupported("a horizontal rule")),
            Event::TaskListMarker(_) => return Err(BodyError::Unsupported("a task list")),
            Event::FootnoteReference(_) => return Err(BodyError::Unsupported("a footnote")),
            Event::InlineMath(_) | Event::DisplayMath(_) => {
                return Err(BodyError::Unsupported("mathematics"));
            }
        }
        Ok(())
    }

    fn start(&mut self, tag: &Tag<'_>) -> Result<(), BodyError> {
        match tag {
            Tag::Paragraph => {
                // A loose list's items hold paragraphs: one item, one
                // line break between them.
                if self.list.is_some() && !self.spans.is_empty() {
                    self.push("\n");
                }
            }
            Tag::List(start) => {
                if self.list.is_some() {
                    return Err(BodyError::Unsupported("a list inside a list"));
                }
                self.list = Some((*start, Vec::new()));
            }
            Tag::Item => self.spans.clear(),
            Tag::Strong => self.strong += 1,
            Tag::Emphasis => self.emphasis += 1,
            Tag::Heading { .. } => {
                return Err(BodyError::Unsupported(
                    "a heading (the slide's heading is its own field)",
                ));
            }
            Tag::Link { .. } => {
                return Err(BodyError::Unsupported("a link (write the address as text)"));
            }
            Tag::Image { .. } => {
                return Err(BodyError::Unsupported(
                    "an image (add it as the slide's image, with its description)",
                ));
            }
            Tag::CodeBlock(_) => return Err(BodyError::Unsupported("a code block")),
            Tag::BlockQuote(_) => return Err(BodyError::Unsupported("a quote")),
            Tag::HtmlBlock => return Err(BodyError::Unsupported("HTML")),
            _ => return Err(BodyError::Unsupported("a table or other extension")),
        }
        Ok(())
    }

    /// Text in the current style, joined to the span before it when the
    /// style is the same.
    fn push(&mut self, text: &str) {
        let (strong, emphasis) = (self.strong > 0, self.emphasis > 0);
        match self.spans.last_mut() {
            Some(last) if last.strong == strong && last.emphasis == emphasis => {
                last.text.push_str(text);
            }
            _ => self.spans.push(Span {
                text: text.to_owned(),
                strong,
                emphasis,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Span {
        Span {
            text: text.to_owned(),
            strong: false,
            emphasis: false,
        }
    }

    fn blocks(raw: &str) -> Vec<Block> {
        ContentBody::parse(raw.to_owned())
            .unwrap()
            .blocks()
            .to_vec()
    }

    #[test]
    fn paragraphs_lists_and_styles_read_as_blocks_of_spans() {
        let got =
            blocks("Welcome **all**, *really*.\nSecond line.\n\n- one\n- two\n\n3. three\n4. four");
        assert_eq!(
            got,
            vec![
                Block::Paragraph {
                    spans: vec![
                        plain("Welcome "),
                        Span {
                            text: "all".into(),
                            strong: true,
                            emphasis: false
                        },
                        plain(", "),
                        Span {
                            text: "really".into(),
                            strong: false,
                            emphasis: true
                        },
                        plain(". Second line."),
                    ]
                },
                Block::Bullets {
                    items: vec![vec![plain("one")], vec![plain("two")]]
                },
                Block::Numbered {
                    start: 3,
                    items: vec![vec![plain("three")], vec![plain("four")]]
                },
            ]
        );
    }

    #[test]
    fn markup_a_page_could_run_is_refused_by_name() {
        for (raw, named) in [
            ("<script>alert(1)</script>", "HTML"),
            ("hello <b onclick=x>there</b>", "HTML"),
            ("[click](javascript:alert(1))", "a link"),
            ("<https://example.com>", "a link"),
            ("![x](https://example.com/a.png)", "an image"),
            ("# Big", "a heading"),
            ("    code", "a code block"),
            ("> quoted", "a quote"),
            ("- a\n  - b", "a list inside a list"),
            ("a\n\n---\n\nb", "a horizontal rule"),
        ] {
            let err = ContentBody::parse(raw.to_owned()).unwrap_err();
            assert!(
                matches!(&err, BodyError::Unsupported(what) if what.starts_with(named)),
                "{raw:?} gave {err:?}"
            );
        }
    }

    #[test]
    fn text_that_looks_like_markup_stays_text() {
        // Entities are decoded to the characters they name, and the pages
        // set text, never markup: "&lt;b&gt;" shows as "<b>".
        assert_eq!(
            blocks("5 &lt; 6 &amp; `x` https://example.com"),
            vec![Block::Paragraph {
                spans: vec![plain("5 < 6 & x https://example.com")]
            }]
        );
    }

    #[test]
    fn limits_and_blank_bodies() {
        assert_eq!(ContentBody::parse_optional(Some("  \n".into())), Ok(None));
        assert!(ContentBody::parse("a".repeat(MAX_BODY_CHARS)).is_ok());
        assert_eq!(
            ContentBody::parse("a".repeat(MAX_BODY_CHARS + 1)),
            Err(BodyError::TooLong)
        );
        assert_eq!(
            ContentBody::parse("a\u{7}b".into()),
            Err(BodyError::ControlCharacter)
        );
        let windows = ContentBody::parse("a\r\nb".into()).unwrap();
        assert_eq!(windows.source(), "a\nb");
    }

    #[test]
    fn a_loose_list_keeps_its_paragraphs_apart() {
        assert_eq!(
            blocks("- one\n\n  more\n- two"),
            vec![Block::Bullets {
                items: vec![vec![plain("one\nmore")], vec![plain("two")]]
            }]
        );
    }
}
