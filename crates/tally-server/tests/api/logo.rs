//! The logo upload: size limit before the body is read, type sniffed from
//! the bytes, SVG refused, rasters re-encoded as PNG, bombs refused fast.

use crate::helpers::{assert_problem, spawn_app, Created, TestApp};
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};
use reqwest::{Method, StatusCode};
use serde_json::Value;
use std::io::Cursor;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

fn path(c: &Created) -> String {
    format!("/presentations/{}/logo", c.id)
}

async fn put(app: &TestApp, c: &Created, bytes: Vec<u8>, content_type: &str) -> reqwest::Response {
    app.client
        .put(app.url(&path(c)))
        .bearer_auth(&c.token)
        .header("Content-Type", content_type)
        .body(bytes)
        .send()
        .await
        .unwrap()
}

fn encoded(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, y| {
        Rgb([(x * 7) as u8, (y * 5) as u8, 90])
    });
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(image)
        .write_to(&mut Cursor::new(&mut out), format)
        .unwrap();
    out
}

/// A PNG chunk: length, type, data, CRC.
fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32fast::hash(&body).to_be_bytes());
    out
}

/// A valid PNG carrying a text chunk (metadata a re-encode drops).
fn png_with_metadata(width: u32, height: u32, text: &str) -> Vec<u8> {
    let png = encoded(width, height, ImageFormat::Png);
    // The signature (8) and IHDR (25) come first.
    let mut out = png[..33].to_vec();
    out.extend(chunk(b"tEXt", format!("Comment\0{text}").as_bytes()));
    out.extend_from_slice(&png[33..]);
    out
}

/// A PNG whose header claims `width` × `height`, with one tiny IDAT: a
/// few hundred bytes that would decode to gigabytes.
fn bomb(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(chunk(b"IHDR", &ihdr));
    // A zlib stream of a few zero bytes (stored block), far short.
    out.extend(chunk(
        b"IDAT",
        &[0x78, 0x01, 0x01, 0x04, 0x00, 0xfb, 0xff, 0, 0, 0, 0],
    ));
    out.extend(chunk(b"IEND", &[]));
    out
}

async fn get_logo(app: &TestApp, c: &Created) -> reqwest::Response {
    app.client.get(app.url(&path(c))).send().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_png_is_stored_re_encoded_without_its_metadata_and_served_with_an_etag() {
    let app = spawn_app().await;
    let c = app.create_deck(1).await;
    assert_eq!(
        assert_problem(get_logo(&app, &c).await, StatusCode::NOT_FOUND).await["code"],
        "no_logo"
    );
    let upload = png_with_metadata(40, 30, "secret-gps-47.1N");
    // The declared type is not trusted: the bytes say PNG.
    let response = put(&app, &c, upload.clone(), "text/plain").await;
    assert_eq!(response.status(), StatusCode::OK);
    let settings: Value = response.json().await.unwrap();
    let etag = settings["logo"]["etag"].as_str().unwrap().to_owned();
    assert_eq!(settings["revision"], 1);

    let served = get_logo(&app, &c).await;
    assert_eq!(served.status(), StatusCode::OK);
    assert_eq!(served.headers()["content-type"], "image/png");
    assert_eq!(served.headers()["cache-control"], "no-cache");
    assert_eq!(served.headers()["x-content-type-options"], "nosniff");
    assert_eq!(served.headers()["etag"], format!("\"{etag}\"").as_str());
    let bytes = served.bytes().await.unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert_ne!(&bytes[..], &upload[..], "stored as uploaded");
    assert!(
        !bytes.windows(6).any(|w| w == b"secret"),
        "the upload's metadata survived"
    );
    let decoded = image::load_from_memory_with_format(&bytes, ImageFormat::Png).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (40, 30));

    let again = app
        .client
        .get(app.url(&path(&c)))
        .header("If-None-Match", format!("\"{etag}\""))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_jpeg_becomes_a_png_and_a_large_one_is_scaled_down() {
    let app = spawn_app().await;
    let c = app.create_deck(1).await;
    let jpeg = encoded(2000, 500, ImageFormat::Jpeg);
    assert!(jpeg.starts_with(&[0xff, 0xd8, 0xff]));
    let response = put(&app, &c, jpeg, "image/jpeg").await;
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = get_logo(&app, &c).await.bytes().await.unwrap();
    let decoded = image::load_from_memory_with_format(&bytes, ImageFormat::Png).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (1024, 256));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn svg_text_garbage_and_oversize_uploads_are_refused_with_their_codes() {
    let app = spawn_app().await;
    let c = app.create_deck(1).await;
    let mut polyglot = b"\x89PNG\r\n\x1a\n".to_vec();
    polyglot.extend_from_slice(b"<html><script>alert(1)</script></html>");
    // A GIF header claiming 1 x 1, then HTML.
    let mut gif_html = b"GIF89a\x01\x00\x01\x00".to_vec();
    gif_html.extend_from_slice(b"<svg onload=alert(1)>");
    for (bytes, content_type, status, code) in [
        (
            b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".to_vec(),
            "image/svg+xml",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "logo_svg_refused",
        ),
        // A text file named logo.png, sent as a PNG.
        (b"just some notes, not a picture\n".to_vec(), "image/png", StatusCode::UNSUPPORTED_MEDIA_TYPE, "logo_type_unsupported"),
        (polyglot, "image/png", StatusCode::UNPROCESSABLE_ENTITY, "logo_undecodable"),
        (gif_html, "image/gif", StatusCode::UNPROCESSABLE_ENTITY, "logo_undecodable"),
        (Vec::new(), "image/png", StatusCode::BAD_REQUEST, "logo_empty"),
        (vec![0x89; 1024 * 1024 + 1], "image/png", StatusCode::PAYLOAD_TOO_LARGE, "logo_too_large"),
    ] {
        let problem = assert_problem(put(&app, &c, bytes, content_type).await, status).await;
        assert_eq!(problem["code"], code, "{content_type}: {problem}");
    }
    // Nothing was stored.
    let settings: Value = app
        .client
        .get(app.url(&format!("/presentations/{}/settings", c.id)))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(settings["logo"], Value::Null);
    assert_eq!(settings["revision"], 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_decompression_bomb_is_refused_fast() {
    let app = spawn_app().await;
    let c = app.create_deck(1).await;
    let bomb = bomb(60_000, 60_000);
    assert!(bomb.len() < 200);
    let started = Instant::now();
    let problem = assert_problem(
        put(&app, &c, bomb, "image/png").await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(problem["code"], "logo_dimensions_too_large");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
}

/// A raw request: its head, then as much of a body as the server takes;
/// returns the status line.
async fn raw(app: &TestApp, head: &str, body: &[u8]) -> String {
    let address = app.address.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    // The server may answer and close before the body is sent: a failed
    // write is the point, not an error.
    let _ = stream.write_all(body).await;
    let mut answer = vec![0; 512];
    let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut answer))
        .await
        .expect("an answer in time")
        .unwrap();
    String::from_utf8_lossy(&answer[..n])
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversize_upload_is_refused_on_its_length_and_a_chunked_one_at_the_limit() {
    let app = spawn_app().await;
    let c = app.create_deck(1).await;
    // Declared too large, and no body sent at all: answered at once.
    let status = raw(
        &app,
        &format!(
            "PUT {} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\nContent-Length: 50000000\r\n\r\n",
            path(&c),
            c.token
        ),
        b"",
    )
    .await;
    assert!(status.contains("413"), "{status}");
    // No declared length: cut at the limit.
    let mut chunked = Vec::new();
    for _ in 0..20 {
        chunked.extend_from_slice(format!("{:x}\r\n", 100_000).as_bytes());
        chunked.extend(std::iter::repeat_n(0x42, 100_000));
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let status = raw(
        &app,
        &format!(
            "PUT {} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\nTransfer-Encoding: chunked\r\n\r\n",
            path(&c),
            c.token
        ),
        &chunked,
    )
    .await;
    assert!(status.contains("413"), "{status}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_presenter_uploads_or_removes_and_removal_clears_it() {
    let app = spawn_app().await;
    let c = app.create_deck(1).await;
    let png = encoded(8, 8, ImageFormat::Png);
    let anonymous = app
        .client
        .put(app.url(&path(&c)))
        .body(png.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(
        assert_problem(anonymous, StatusCode::UNAUTHORIZED).await["code"],
        "presenter_token_required"
    );
    assert_eq!(
        put(&app, &c, png, "image/png").await.status(),
        StatusCode::OK
    );
    let anonymous = app.client.delete(app.url(&path(&c))).send().await.unwrap();
    assert_problem(anonymous, StatusCode::UNAUTHORIZED).await;
    assert_eq!(get_logo(&app, &c).await.status(), StatusCode::OK);
    let removed = app
        .presenter(Method::DELETE, &path(&c), Some(&c.token))
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), StatusCode::OK);
    let body: Value = removed.json().await.unwrap();
    assert_eq!(body["logo"], Value::Null);
    assert_eq!(body["revision"], 2);
    assert_problem(get_logo(&app, &c).await, StatusCode::NOT_FOUND).await;
}
