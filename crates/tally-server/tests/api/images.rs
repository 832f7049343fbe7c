//! Slide images over HTTP (issue 26): hostile uploads are refused or made
//! harmless, never a 5xx; what is stored is served by its content's name.

use crate::helpers::{assert_problem, spawn_app};
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};
use reqwest::{Method, StatusCode};
use serde_json::Value;
use std::io::Cursor;

fn encoded(format: ImageFormat, width: u32, height: u32) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, y| {
        Rgb([(x % 256) as u8, (y % 256) as u8, 77])
    });
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(image)
        .write_to(&mut Cursor::new(&mut out), format)
        .unwrap();
    out
}

/// A PNG header claiming `side` × `side` pixels and almost no data.
fn bomb(side: u32) -> Vec<u8> {
    let mut out = encoded(ImageFormat::Png, 1, 1);
    out[16..20].copy_from_slice(&side.to_be_bytes());
    out[20..24].copy_from_slice(&side.to_be_bytes());
    let crc = crc32fast::hash(&out[12..29]);
    out[29..33].copy_from_slice(&crc.to_be_bytes());
    out
}

#[tokio::test]
async fn hostile_uploads_are_refused_or_made_harmless() {
    let app = spawn_app().await;
    let created = app.create_deck(1).await;
    let upload = |bytes: Vec<u8>, content_type: &'static str, token: Option<String>| {
        let mut request = app
            .client
            .post(format!(
                "{}/presentations/{}/images",
                app.address, created.id
            ))
            .header("Content-Type", content_type)
            .body(bytes);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    let token = || Some(created.token.clone());

    // Refused, each with its own code.
    let svg = b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><script>alert(2)</script></svg>".to_vec();
    let cases: Vec<(Vec<u8>, StatusCode, &str)> = vec![
        (svg, StatusCode::UNSUPPORTED_MEDIA_TYPE, "image_svg_refused"),
        (
            bomb(100_000),
            StatusCode::UNPROCESSABLE_ENTITY,
            "image_dimensions_too_large",
        ),
        (
            b"%PDF-1.7 not an image".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "image_type_unsupported",
        ),
        (
            [&b"\x89PNG\r\n\x1a\n"[..], &[0x42; 300]].concat(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "image_undecodable",
        ),
        (Vec::new(), StatusCode::BAD_REQUEST, "image_empty"),
        (
            vec![0; 5 * 1024 * 1024 + 1],
            StatusCode::PAYLOAD_TOO_LARGE,
            "image_too_large",
        ),
    ];
    for (bytes, status, code) in cases {
        let started = std::time::Instant::now();
        let refused = upload(bytes, "image/png", token()).await.unwrap();
        let problem = assert_problem(refused, status).await;
        assert_eq!(problem["code"], code);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{code}"
        );
    }
    // Nobody without the token makes the server decode anything.
    let anonymous = upload(encoded(ImageFormat::Png, 4, 4), "image/png", None)
        .await
        .unwrap();
    assert_problem(anonymous, StatusCode::UNAUTHORIZED).await;

    // A GIF that is also an HTML page, sent as text/html: stored as a
    // fresh PNG of its pixels only.
    let mut polyglot = encoded(ImageFormat::Gif, 8, 8);
    polyglot.extend_from_slice(b"<html><script>alert(document.cookie)</script></html>");
    let stored = upload(polyglot, "text/html", token()).await.unwrap();
    assert_eq!(stored.status(), StatusCode::CREATED);
    let stored: Value = stored.json().await.unwrap();
    assert_eq!(stored["content_type"], "image/png");
    let url = stored["url"].as_str().unwrap().to_owned();
    let served = app
        .client
        .get(format!("{}{url}", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(served.status(), StatusCode::OK);
    let headers = served.headers().clone();
    assert_eq!(headers["content-type"], "image/png");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["content-security-policy"], "default-src 'none'");
    assert!(headers["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    let bytes = served.bytes().await.unwrap();
    assert!(bytes.starts_with(b"\x89PNG"));
    assert!(!bytes.windows(7).any(|w| w == b"<script"));
    // Revalidation answers 304; an unknown or malformed id 404.
    let etag = headers["etag"].to_str().unwrap().to_owned();
    let again = app
        .client
        .get(format!("{}{url}", app.address))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    for id in [
        "0".repeat(64),
        "ABC".to_owned(),
        "..%2F..%2Fetc%2Fpasswd".to_owned(),
    ] {
        let missing = app
            .request(Method::GET, &format!("/images/{id}"))
            .send()
            .await
            .unwrap();
        let problem = assert_problem(missing, StatusCode::NOT_FOUND).await;
        assert_eq!(problem["code"], "no_image", "{id}");
    }

    // A large photo (sniffed as JPEG whatever it claims) is scaled down and
    // stays a JPEG; the same bytes again are the same image.
    let photo = encoded(ImageFormat::Jpeg, 2400, 1600);
    let first: Value = upload(photo.clone(), "application/octet-stream", token())
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(first["content_type"], "image/jpeg");
    assert_eq!(
        (first["width"].as_u64(), first["height"].as_u64()),
        (Some(1600), Some(1067))
    );
    let second: Value = upload(photo, "image/png", token())
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(first["image_id"], second["image_id"]);
}

#[tokio::test]
async fn polls_carry_uploaded_images_with_their_alt_text() {
    let app = spawn_app().await;
    let holder = app.create_deck(1).await;
    let uploaded: Value = app
        .client
        .post(format!(
            "{}/presentations/{}/images",
            app.address, holder.id
        ))
        .bearer_auth(&holder.token)
        .body(encoded(ImageFormat::Png, 6, 4))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let image = uploaded["image_id"].as_str().unwrap().to_owned();
    let body = |alt: &str, id: &str| {
        serde_json::json!({"polls": [{
            "question": "Which pet?",
            "options": [{"key": "A", "value": "Cat"}, {"key": "B", "value": "Dog"}],
            "images": {"question": {"image_id": id, "alt": alt},
                       "options": {"B": {"image_id": id, "alt": "A dog"}}},
        }]})
    };
    let created = app.create(&body("Two pets on a sofa", &image)).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let created: Value = created.json().await.unwrap();
    let id = created["presentation_id"].as_str().unwrap();
    // The phones' read carries them (the poll is no longer plain v4).
    let public = app.get_json(&format!("/presentations/{id}")).await;
    assert_eq!(
        public["polls"][0]["images"]["question"]["alt"],
        "Two pets on a sofa"
    );
    assert_eq!(
        public["polls"][0]["images"]["options"]["B"]["image_id"],
        image.as_str()
    );
    // Refused: an image never uploaded, missing alt text, an unknown option.
    let never = "f".repeat(64);
    let refused = app.create(&body("x", &never)).await;
    let problem = assert_problem(refused, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(
        (&problem["code"], &problem["image_id"]),
        (
            &serde_json::json!("unknown_image"),
            &serde_json::json!(never)
        )
    );
    let refused = app.create(&body("  ", &image)).await;
    let problem = assert_problem(refused, StatusCode::BAD_REQUEST).await;
    assert_eq!(problem["code"], "invalid_poll");
    assert!(
        problem["detail"].as_str().unwrap().contains("alt text"),
        "{problem}"
    );
    let mut unknown_option = body("Two pets", &image);
    unknown_option["polls"][0]["images"]["options"] =
        serde_json::json!({"Z": {"image_id": image, "alt": "z"}});
    let refused = app.create(&unknown_option).await;
    assert_problem(refused, StatusCode::BAD_REQUEST).await;
    // The editor's read, an alt text fixed live, the file.
    let token = created["presenter_token"].as_str().unwrap();
    let deck: Value = app
        .presenter(
            Method::GET,
            &format!("/presentations/{id}/deck"),
            Some(token),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut polls = deck["polls"].clone();
    polls[0]["images"]["question"]["alt"] = serde_json::json!("A cat and a dog on a sofa");
    polls[0].as_object_mut().unwrap().remove("round");
    let edited: Value = app
        .presenter(
            Method::PUT,
            &format!("/presentations/{id}/deck"),
            Some(token),
        )
        .header("If-Match", "\"1\"")
        .json(&serde_json::json!({"polls": polls}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(edited["edits"][0]["what"], "images", "{edited}");
    let file: Value = app
        .presenter(
            Method::GET,
            &format!("/presentations/{id}/deck/export"),
            Some(token),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        file["polls"][0]["images"]["question"]["alt"],
        "A cat and a dog on a sofa"
    );
}
