//! The event's logo: an upload becomes a [`Logo`] only by being sniffed,
//! decoded under limits and re-encoded as a PNG. Whatever the upload
//! carried besides its pixels (metadata, a script in an SVG, a polyglot's
//! second file) is not kept.

use image::{DynamicImage, ImageFormat, ImageReader, Limits};
use sha2::{Digest as _, Sha256};
use std::io::Cursor;
use thiserror::Error;

/// Largest upload, in bytes.
pub const MAX_LOGO_BYTES: usize = 1024 * 1024;
/// Longest side of a stored logo, in pixels: larger ones are scaled down.
pub const MAX_LOGO_SIDE: u32 = 1024;
/// Largest upload a decoder may take on, per side: a few bytes can claim
/// enormous dimensions (a decompression bomb), refused before decoding.
pub const MAX_DECODED_SIDE: u32 = 4096;
/// What one decode may allocate (a 4096 × 4096 RGBA image is 64 MiB).
const MAX_DECODE_ALLOC: u64 = 80 * 1024 * 1024;

/// Why an upload is not a logo.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LogoError {
    #[error("the logo is empty")]
    Empty,
    #[error("a logo is at most {MAX_LOGO_BYTES} bytes")]
    TooManyBytes,
    /// SVG can carry scripts and external references; Tally does not try
    /// to sanitise it.
    #[error("SVG logos are refused: upload a PNG, JPEG, WebP or GIF")]
    Svg,
    #[error("the logo is not a PNG, JPEG, WebP or GIF image")]
    UnsupportedType,
    #[error("the logo could not be decoded as the {0} it claims to be")]
    Undecodable(&'static str),
    #[error("the logo is {width} × {height} pixels; at most {MAX_DECODED_SIDE} per side")]
    TooManyPixels { width: u32, height: u32 },
}

/// A logo ready to store: a PNG of at most [`MAX_LOGO_SIDE`] pixels a side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logo {
    png: Vec<u8>,
    etag: String,
    width: u32,
    height: u32,
}

/// A stored logo as read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredLogo {
    pub png: Vec<u8>,
    /// Changes whenever the image does.
    pub etag: String,
}

/// The raster format the bytes start with, by their magic numbers (never
/// by what the uploader said the type was).
fn sniff(bytes: &[u8]) -> Result<(ImageFormat, &'static str), LogoError> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok((ImageFormat::Png, "PNG"))
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Ok((ImageFormat::Jpeg, "JPEG"))
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Ok((ImageFormat::Gif, "GIF"))
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Ok((ImageFormat::WebP, "WebP"))
    } else if looks_like_svg(bytes) {
        Err(LogoError::Svg)
    } else {
        Err(LogoError::UnsupportedType)
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

impl Logo {
    /// Sniffs, decodes and re-encodes an upload.
    ///
    /// # Errors
    /// [`LogoError`]: empty or too large, SVG, another type, undecodable,
    /// or claiming more pixels than a decoder may take on.
    pub fn from_upload(bytes: &[u8]) -> Result<Self, LogoError> {
        if bytes.is_empty() {
            return Err(LogoError::Empty);
        }
        if bytes.len() > MAX_LOGO_BYTES {
            return Err(LogoError::TooManyBytes);
        }
        let (format, name) = sniff(bytes)?;
        let image = decode(bytes, format, name)?;
        let image = if image.width().max(image.height()) > MAX_LOGO_SIDE {
            image.resize(
                MAX_LOGO_SIDE,
                MAX_LOGO_SIDE,
                image::imageops::FilterType::Triangle,
            )
        } else {
            image
        };
        // RGBA8 whatever the source (16-bit, palette, CMYK JPEG): one PNG
        // shape every browser draws alike.
        let image = DynamicImage::ImageRgba8(image.to_rgba8());
        let mut png = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
            .map_err(|_| LogoError::Undecodable(name))?;
        let etag = Sha256::digest(&png)
            .iter()
            .take(12)
            .map(|b| format!("{b:02x}"))
            .collect();
        Ok(Self {
            png,
            etag,
            width: image.width(),
            height: image.height(),
        })
    }

    pub fn png(&self) -> &[u8] {
        &self.png
    }

    pub fn etag(&self) -> &str {
        &self.etag
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
) -> Result<DynamicImage, LogoError> {
    let reader = |limits: Limits| {
        let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
        reader.limits(limits);
        reader
    };
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DECODED_SIDE);
    limits.max_image_height = Some(MAX_DECODED_SIDE);
    limits.max_alloc = Some(MAX_DECODE_ALLOC);
    // The header first (reading it allocates nothing to speak of, so
    // without limits: they would refuse a bomb without saying its size): a
    // bomb is refused on its claimed size, before any pixel is decoded.
    let (width, height) = reader(Limits::no_limits())
        .into_dimensions()
        .map_err(|_| LogoError::Undecodable(name))?;
    if width > MAX_DECODED_SIDE || height > MAX_DECODED_SIDE {
        return Err(LogoError::TooManyPixels { width, height });
    }
    if width == 0 || height == 0 {
        return Err(LogoError::Undecodable(name));
    }
    reader(limits).decode().map_err(|e| match e {
        image::ImageError::Limits(_) => LogoError::TooManyPixels { width, height },
        _ => LogoError::Undecodable(name),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageEncoder as _, Rgba, RgbaImage};

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = RgbaImage::from_fn(width, height, |x, y| {
            Rgba([(x % 256) as u8, (y % 256) as u8, 128, 255])
        });
        let mut out = Vec::new();
        DynamicImage::ImageRgba8(image)
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    /// A PNG header claiming `width` × `height` with no pixel data: the
    /// shape of a decompression bomb, without the bomb.
    fn claimed_png(width: u32, height: u32) -> Vec<u8> {
        let mut out = Vec::new();
        image::codecs::png::PngEncoder::new(&mut out)
            .write_image(&[0; 4], 1, 1, image::ExtendedColorType::Rgba8)
            .unwrap();
        // IHDR's width and height sit at bytes 16..24; its CRC follows.
        out[16..20].copy_from_slice(&width.to_be_bytes());
        out[20..24].copy_from_slice(&height.to_be_bytes());
        let crc = crc32fast::hash(&out[12..29]);
        out[29..33].copy_from_slice(&crc.to_be_bytes());
        out
    }

    #[test]
    fn a_png_is_re_encoded_and_kept_at_its_size() {
        let logo = Logo::from_upload(&png(40, 20)).unwrap();
        assert_eq!((logo.width(), logo.height()), (40, 20));
        assert!(logo.png().starts_with(b"\x89PNG"));
        assert_eq!(logo.etag().len(), 24);
    }

    #[test]
    fn a_large_logo_is_scaled_down_to_the_longest_side() {
        let logo = Logo::from_upload(&png(2048, 512)).unwrap();
        assert_eq!((logo.width(), logo.height()), (MAX_LOGO_SIDE, 256));
    }

    #[test]
    fn svg_is_refused_in_every_spelling() {
        for svg in [
            &b"<svg xmlns='http://www.w3.org/2000/svg'/>"[..],
            b"\xef\xbb\xbf  <?xml version='1.0'?>\n<!-- hi --><SVG></SVG>",
            b"<!DOCTYPE svg><svg onload='alert(1)'></svg>",
        ] {
            assert_eq!(Logo::from_upload(svg), Err(LogoError::Svg));
        }
    }

    #[test]
    fn other_types_and_garbage_are_refused() {
        assert_eq!(
            Logo::from_upload(b"hello, I am a .png"),
            Err(LogoError::UnsupportedType)
        );
        assert_eq!(
            Logo::from_upload(b"%PDF-1.7"),
            Err(LogoError::UnsupportedType)
        );
        assert_eq!(Logo::from_upload(b""), Err(LogoError::Empty));
        // Right magic, then garbage.
        let mut fake = b"\x89PNG\r\n\x1a\n".to_vec();
        fake.extend_from_slice(&[0x42; 200]);
        assert_eq!(Logo::from_upload(&fake), Err(LogoError::Undecodable("PNG")));
        assert_eq!(
            Logo::from_upload(&[0xff, 0xd8, 0xff, 0, 1, 2]),
            Err(LogoError::Undecodable("JPEG"))
        );
        assert_eq!(
            Logo::from_upload(&vec![0; MAX_LOGO_BYTES + 1]),
            Err(LogoError::TooManyBytes)
        );
    }

    #[test]
    fn a_bomb_is_refused_on_its_header_fast() {
        let bomb = claimed_png(100_000, 100_000);
        let started = std::time::Instant::now();
        assert_eq!(
            Logo::from_upload(&bomb),
            Err(LogoError::TooManyPixels {
                width: 100_000,
                height: 100_000
            })
        );
        assert!(started.elapsed() < std::time::Duration::from_millis(200));
    }
}
