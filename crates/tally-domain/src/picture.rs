//! Pictures people upload (the event's logo, a slide's image): an upload
//! becomes a [`Picture`] only by being sniffed, decoded under limits and
//! re-encoded. Whatever the upload carried besides its pixels (metadata such
//! as a photo's location, a script in an SVG, a polyglot's second file) is
//! not kept, and the type is told from the bytes, never from what the
//! uploader said it was.

use image::{DynamicImage, ImageFormat, ImageReader, Limits};
use sha2::{Digest as _, Sha256};
use std::io::Cursor;
use thiserror::Error;

/// What one kind of upload may be.
#[derive(Clone, Copy, Debug)]
pub struct PictureLimits {
    /// Largest upload, in bytes.
    pub max_bytes: usize,
    /// Largest side a decoder may take on: a few bytes can claim enormous
    /// dimensions (a decompression bomb), refused on the header, before any
    /// pixel is decoded.
    pub max_decoded_side: u32,
    /// What one decode may allocate.
    pub max_alloc: u64,
    /// Longest side of the stored picture: larger ones are scaled down.
    pub max_side: u32,
    /// Always store a PNG (a logo keeps its transparency); otherwise a
    /// JPEG upload (a photo) is stored as a JPEG.
    pub always_png: bool,
}

/// Why an upload is not a picture.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PictureError {
    #[error("the image is empty")]
    Empty,
    #[error("an image is at most {max} bytes")]
    TooManyBytes { max: usize },
    /// SVG can carry scripts and external references; Tally does not try
    /// to sanitise it.
    #[error("SVG images are refused: upload a PNG, JPEG, WebP or GIF")]
    Svg,
    #[error("the image is not a PNG, JPEG, WebP or GIF")]
    UnsupportedType,
    #[error("the image could not be decoded as the {0} it claims to be")]
    Undecodable(&'static str),
    #[error("the image is {width} × {height} pixels; at most {max} per side")]
    TooManyPixels { width: u32, height: u32, max: u32 },
}

/// An upload made safe to store and serve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    bytes: Vec<u8>,
    content_type: &'static str,
    /// SHA-256 of `bytes`, hex: the picture's name in a content-addressed
    /// store (the same picture uploaded twice is stored once).
    digest: String,
    width: u32,
    height: u32,
}

/// The raster format the bytes start with, by their magic numbers.
fn sniff(bytes: &[u8]) -> Result<(ImageFormat, &'static str), PictureError> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok((ImageFormat::Png, "PNG"))
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Ok((ImageFormat::Jpeg, "JPEG"))
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Ok((ImageFormat::Gif, "GIF"))
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Ok((ImageFormat::WebP, "WebP"))
    } else if looks_like_svg(bytes) {
        Err(PictureError::Svg)
    } else {
        Err(PictureError::UnsupportedType)
    }
}

/// An SVG is XML whose root is `svg`: told by an `<svg` near the start
/// (after an optional byte-order mark, XML declaration, comments or
/// doctype), so that it gets its own answer rather than "unsupported".
fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.starts_with('<') && text.contains("<svg")
}

impl Picture {
    /// Sniffs, decodes and re-encodes an upload.
    ///
    /// # Errors
    /// [`PictureError`]: empty or too large, SVG, another type,
    /// undecodable, or claiming more pixels than a decoder may take on.
    pub fn from_upload(bytes: &[u8], limits: &PictureLimits) -> Result<Self, PictureError> {
        if bytes.is_empty() {
            return Err(PictureError::Empty);
        }
        if bytes.len() > limits.max_bytes {
            return Err(PictureError::TooManyBytes {
                max: limits.max_bytes,
            });
        }
        let (format, name) = sniff(bytes)?;
        let image = decode(bytes, format, name, limits)?;
        let image = if image.width().max(image.height()) > limits.max_side {
            image.resize(
                limits.max_side,
                limits.max_side,
                image::imageops::FilterType::Triangle,
            )
        } else {
            image
        };
        // One pixel shape every browser draws alike (16-bit, palette and
        // CMYK sources too); the encoders write no metadata.
        let (image, out_format, content_type) = if format == ImageFormat::Jpeg && !limits.always_png
        {
            (
                DynamicImage::ImageRgb8(image.to_rgb8()),
                ImageFormat::Jpeg,
                "image/jpeg",
            )
        } else {
            (
                DynamicImage::ImageRgba8(image.to_rgba8()),
                ImageFormat::Png,
                "image/png",
            )
        };
        let mut out = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut out), out_format)
            .map_err(|_| PictureError::Undecodable(name))?;
        let digest = Sha256::digest(&out)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Ok(Self {
            bytes: out,
            content_type,
            digest,
            width: image.width(),
            height: image.height(),
        })
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// `image/png` or `image/jpeg`.
    pub fn content_type(&self) -> &'static str {
        self.content_type
    }

    /// SHA-256 of the stored bytes, in hex.
    pub fn digest(&self) -> &str {
        &self.digest
    }

    pub fn width(&self) -> u32 {
        self.width
    }

    pub fn height(&self) -> u32 {
        self.height
    }
}

fn decode(
    bytes: &[u8],
    format: ImageFormat,
    name: &'static str,
    limits: &PictureLimits,
) -> Result<DynamicImage, PictureError> {
    let reader = |limits: Limits| {
        let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
        reader.limits(limits);
        reader
    };
    let max = limits.max_decoded_side;
    let mut decoding = Limits::default();
    decoding.max_image_width = Some(max);
    decoding.max_image_height = Some(max);
    decoding.max_alloc = Some(limits.max_alloc);
    // The header first (reading it allocates nothing to speak of, so
    // without limits: they would refuse a bomb without saying its size): a
    // bomb is refused on its claimed size, before any pixel is decoded.
    let (width, height) = reader(Limits::no_limits())
        .into_dimensions()
        .map_err(|_| PictureError::Undecodable(name))?;
    if width > max || height > max {
        return Err(PictureError::TooManyPixels { width, height, max });
    }
    if width == 0 || height == 0 {
        return Err(PictureError::Undecodable(name));
    }
    reader(decoding).decode().map_err(|e| match e {
        image::ImageError::Limits(_) => PictureError::TooManyPixels { width, height, max },
        _ => PictureError::Undecodable(name),
    })
}
