//! Pictures on slides (issue 26): uploaded per presentation, stored once
//! per content (named by their SHA-256), served to anyone who has the name.

use crate::picture::{Picture, PictureLimits};
use std::fmt;
use thiserror::Error;

/// Largest slide image upload, in bytes.
pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;

/// A slide image: a phone photo (48 megapixels, 8064 px a side) decodes,
/// and is stored at most 1600 px a side (a 1080p screen's slide needs no
/// more), a JPEG kept a JPEG.
pub const SLIDE_IMAGE: PictureLimits = PictureLimits {
    max_bytes: MAX_IMAGE_BYTES,
    max_decoded_side: 8192,
    // An 8192 × 8192 RGBA decode is 256 MiB; uploads are the presenter's,
    // one at a time per request thread off the request pool.
    max_alloc: 260 * 1024 * 1024,
    max_side: 1600,
    always_png: false,
};

/// A stored image's name: the SHA-256 of its bytes, 64 lower-case hex
/// digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ImageId(String);

#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("an image id is 64 lower-case hexadecimal digits")]
pub struct ImageIdError;

impl ImageId {
    /// # Errors
    /// [`ImageIdError`] for anything but 64 lower-case hex digits.
    pub fn parse(raw: &str) -> Result<Self, ImageIdError> {
        if raw.len() == 64
            && raw
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            Ok(Self(raw.to_owned()))
        } else {
            Err(ImageIdError)
        }
    }

    /// The id of `picture`.
    pub fn of(picture: &Picture) -> Self {
        Self(picture.digest().to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ImageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Longest alt text, in characters: a sentence, not a caption essay.
pub const MAX_ALT_CHARS: usize = 250;

/// What an image shows, in words, for whoever cannot see it: required on
/// every slide image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AltText(String);

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ImageRefError {
    #[error(transparent)]
    Id(#[from] ImageIdError),
    #[error("an image needs alt text: say in a few words what it shows")]
    AltMissing,
    #[error("alt text is at most {MAX_ALT_CHARS} characters")]
    AltTooLong,
    #[error("alt text must not contain control characters")]
    AltControl,
    #[error("option {0:?} has an image but the poll has no such option")]
    UnknownOption(String),
}

impl AltText {
    /// # Errors
    /// [`ImageRefError`] when blank, too long or holding control characters.
    pub fn parse(raw: &str) -> Result<Self, ImageRefError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(ImageRefError::AltMissing);
        }
        if raw.chars().count() > MAX_ALT_CHARS {
            return Err(ImageRefError::AltTooLong);
        }
        if raw.chars().any(char::is_control) {
            return Err(ImageRefError::AltControl);
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An image on a slide: which, and what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlideImage {
    pub id: ImageId,
    pub alt: AltText,
}

/// A poll's images: one beside its question, one per option at most.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PollImages {
    pub question: Option<SlideImage>,
    /// By option key, in the options' order.
    pub options: Vec<(crate::poll::OptionKey, SlideImage)>,
}

/// An image reference as sent and stored: `{"image_id", "alt"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageRefDraft {
    pub image_id: String,
    pub alt: String,
}

/// A poll's images as sent and stored: `{"question": {…}, "options":
/// {"A": {…}}}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ImagesDraft {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<ImageRefDraft>,
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub options: std::collections::BTreeMap<String, ImageRefDraft>,
}

impl ImagesDraft {
    pub fn is_empty(&self) -> bool {
        self.question.is_none() && self.options.is_empty()
    }
}

impl PollImages {
    pub fn is_empty(&self) -> bool {
        self.question.is_none() && self.options.is_empty()
    }

    /// Every image id referenced.
    pub fn ids(&self) -> impl Iterator<Item = &ImageId> {
        self.question
            .iter()
            .chain(self.options.iter().map(|(_, i)| i))
            .map(|i| &i.id)
    }

    /// Validates `draft` for a poll whose options have `keys`, in order.
    ///
    /// # Errors
    /// [`ImageRefError`]: a malformed id, missing or bad alt text, an
    /// option key the poll does not have.
    pub fn parse(
        draft: ImagesDraft,
        keys: &[crate::poll::OptionKey],
    ) -> Result<Self, ImageRefError> {
        let one = |r: ImageRefDraft| -> Result<SlideImage, ImageRefError> {
            Ok(SlideImage {
                id: ImageId::parse(&r.image_id)?,
                alt: AltText::parse(&r.alt)?,
            })
        };
        let question = draft.question.map(one).transpose()?;
        let mut options = Vec::new();
        let mut given = draft.options;
        for key in keys {
            if let Some(r) = given.remove(key.as_str()) {
                options.push((key.clone(), one(r)?));
            }
        }
        if let Some(unknown) = given.into_keys().next() {
            return Err(ImageRefError::UnknownOption(unknown));
        }
        Ok(Self { question, options })
    }

    /// The draft that parses back to these images.
    pub fn draft(&self) -> ImagesDraft {
        let r = |i: &SlideImage| ImageRefDraft {
            image_id: i.id.as_str().to_owned(),
            alt: i.alt.as_str().to_owned(),
        };
        ImagesDraft {
            question: self.question.as_ref().map(r),
            options: self
                .options
                .iter()
                .map(|(k, i)| (k.as_str().to_owned(), r(i)))
                .collect(),
        }
    }
}

/// A stored image as read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredImage {
    pub bytes: Vec<u8>,
    /// `image/png` or `image/jpeg`.
    pub content_type: String,
    pub width: u32,
    pub height: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{DynamicImage, ImageFormat, Rgb, RgbImage};
    use std::io::Cursor;

    fn jpeg_with_exif(width: u32, height: u32) -> Vec<u8> {
        let image = RgbImage::from_fn(width, height, |x, y| {
            Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        let mut jpeg = Vec::new();
        DynamicImage::ImageRgb8(image)
            .write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg)
            .unwrap();
        // An APP1 "Exif" segment right after SOI, as cameras write one,
        // holding a location-like marker.
        let payload = b"Exif\0\0GPS 48.8584 N 2.2945 E";
        let length = u16::try_from(payload.len() + 2).unwrap().to_be_bytes();
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xff, 0xe1, length[0], length[1]]);
        out.extend_from_slice(payload);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    #[test]
    fn a_photo_stays_a_jpeg_is_scaled_down_and_loses_its_metadata() {
        let upload = jpeg_with_exif(3200, 1200);
        assert!(upload.windows(3).any(|w| w == b"GPS"));
        let picture = Picture::from_upload(&upload, &SLIDE_IMAGE).unwrap();
        assert_eq!(picture.content_type(), "image/jpeg");
        assert_eq!((picture.width(), picture.height()), (1600, 600));
        assert!(!picture.bytes().windows(4).any(|w| w == b"Exif"));
        assert!(!picture.bytes().windows(3).any(|w| w == b"GPS"));
        let id = ImageId::of(&picture);
        assert_eq!(ImageId::parse(id.as_str()), Ok(id));
    }

    #[test]
    fn images_need_alt_text_and_the_poll_s_options() {
        let keys: Vec<crate::poll::OptionKey> = ["A", "B"]
            .iter()
            .map(|k| crate::poll::OptionKey::parse(*k).unwrap())
            .collect();
        let r = |alt: &str| ImageRefDraft {
            image_id: "a".repeat(64),
            alt: alt.to_owned(),
        };
        let draft = |alt: &str, key: &str| ImagesDraft {
            question: Some(r(alt)),
            options: [(key.to_owned(), r("An option"))].into(),
        };
        let images = PollImages::parse(draft(" A cat ", "B"), &keys).unwrap();
        assert_eq!(images.question.as_ref().unwrap().alt.as_str(), "A cat");
        assert_eq!(images.draft(), draft("A cat", "B"));
        assert_eq!(images.ids().count(), 2);
        assert_eq!(
            PollImages::parse(draft(" ", "B"), &keys),
            Err(ImageRefError::AltMissing)
        );
        assert_eq!(
            PollImages::parse(draft(&"x".repeat(MAX_ALT_CHARS + 1), "B"), &keys),
            Err(ImageRefError::AltTooLong)
        );
        assert_eq!(
            PollImages::parse(draft("A cat", "Z"), &keys),
            Err(ImageRefError::UnknownOption("Z".into()))
        );
        let mut bad_id = draft("A cat", "B");
        bad_id.question.as_mut().unwrap().image_id = "../x".into();
        assert_eq!(
            PollImages::parse(bad_id, &keys),
            Err(ImageRefError::Id(ImageIdError))
        );
    }

    #[test]
    fn ids_are_sha256_hex_only() {
        assert!(ImageId::parse(&"a".repeat(64)).is_ok());
        for bad in [
            "",
            "../etc/passwd",
            &"A".repeat(64),
            &"a".repeat(63),
            &"g".repeat(64),
        ] {
            assert_eq!(ImageId::parse(bad), Err(ImageIdError), "{bad}");
        }
    }

    #[test]
    fn a_polyglot_keeps_only_its_pixels() {
        // A GIF that is also an HTML page: what is stored is a fresh PNG.
        let mut gif = Vec::new();
        DynamicImage::ImageRgb8(RgbImage::new(4, 4))
            .write_to(&mut Cursor::new(&mut gif), ImageFormat::Gif)
            .unwrap();
        gif.extend_from_slice(b"<html><script>alert(document.cookie)</script></html>");
        let picture = Picture::from_upload(&gif, &SLIDE_IMAGE).unwrap();
        assert_eq!(picture.content_type(), "image/png");
        assert!(!picture.bytes().windows(7).any(|w| w == b"<script"));
    }
}
