//! The event's logo: a [`Picture`] under the logo's limits, always a PNG.

use crate::picture::{Picture, PictureError, PictureLimits};
use thiserror::Error;

/// Largest upload, in bytes.
pub const MAX_LOGO_BYTES: usize = 1024 * 1024;
/// Longest side of a stored logo, in pixels: larger ones are scaled down.
pub const MAX_LOGO_SIDE: u32 = 1024;
/// Largest upload a decoder may take on, per side.
pub const MAX_DECODED_SIDE: u32 = 4096;

const LIMITS: PictureLimits = PictureLimits {
    max_bytes: MAX_LOGO_BYTES,
    max_decoded_side: MAX_DECODED_SIDE,
    // A 4096 × 4096 RGBA image is 64 MiB.
    max_alloc: 80 * 1024 * 1024,
    max_side: MAX_LOGO_SIDE,
    always_png: true,
};

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

impl From<PictureError> for LogoError {
    fn from(e: PictureError) -> Self {
        match e {
            PictureError::Empty => Self::Empty,
            PictureError::TooManyBytes { .. } => Self::TooManyBytes,
            PictureError::Svg => Self::Svg,
            PictureError::UnsupportedType => Self::UnsupportedType,
            PictureError::Undecodable(name) => Self::Undecodable(name),
            PictureError::TooManyPixels { width, height, .. } => {
                Self::TooManyPixels { width, height }
            }
        }
    }
}

/// A logo ready to store: a PNG of at most [`MAX_LOGO_SIDE`] pixels a side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logo {
    picture: Picture,
}

/// A stored logo as read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredLogo {
    pub png: Vec<u8>,
    /// Changes whenever the image does.
    pub etag: String,
}

impl Logo {
    /// Sniffs, decodes and re-encodes an upload.
    ///
    /// # Errors
    /// [`LogoError`]: empty or too large, SVG, another type, undecodable,
    /// or claiming more pixels than a decoder may take on.
    pub fn from_upload(bytes: &[u8]) -> Result<Self, LogoError> {
        Ok(Self {
            picture: Picture::from_upload(bytes, &LIMITS)?,
        })
    }

    pub fn png(&self) -> &[u8] {
        self.picture.bytes()
    }

    /// The first 24 hex digits of the PNG's SHA-256.
    pub fn etag(&self) -> &str {
        &self.picture.digest()[..24]
    }

    pub fn width(&self) -> u32 {
        self.picture.width()
    }

    pub fn height(&self) -> u32 {
        self.picture.height()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{DynamicImage, ImageEncoder as _, ImageFormat, Rgba, RgbaImage};
    use std::io::Cursor;

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
