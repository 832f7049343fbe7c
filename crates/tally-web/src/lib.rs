//! The web app: the deck editor (`/`), the presenter console
//! (`/present/{id}`), the big screen (`/screen/{id}`) and the phone page
//! (`/j`, `/j/{code}`), plus the QR code a big screen shows; and for judged
//! contests, the organiser's editor and progress view (`/contest`,
//! `/contest/{id}`), the judge's sheet (`/judge/{id}`), the big-screen
//! reveal of a published round (`/reveal/{id}/{round}`) and a contestant's
//! feedback (`/feedback/{id}`).
//!
//! The pages are plain HTML, CSS and JavaScript modules under `assets/`,
//! embedded in the binary at build time: a venue's closed network needs no
//! CDN, no font service and no build step. They talk to the same JSON API
//! and live channels as any other client; this crate holds no use case.
//!
//! Every page and asset is sent with a Content-Security-Policy that allows
//! only this origin's scripts and styles, and no inline script, so that
//! audience text can never run as code even if a page escaped it wrongly.

use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Compress;
use actix_web::{web, HttpRequest, HttpResponse};
use rust_embed::RustEmbed;
use serde::Serialize;

/// The pages and their scripts and styles.
#[derive(RustEmbed)]
#[folder = "assets/"]
struct Assets;

/// Sent with every page and asset. `connect-src 'self'` covers the live
/// channels' `ws:`/`wss:` to this origin; images are this origin's (the QR
/// code) only.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; img-src 'self'; connect-src 'self'; manifest-src 'self'; \
     base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// What the pages need from the configuration.
#[derive(Clone, Debug, Default)]
pub struct WebSettings {
    /// The address phones use to reach this service, for example
    /// `https://vote.example.org`, shown as the join URL and in the QR code.
    /// Without it, the address the big screen itself was opened with is
    /// used, which is right when the presenter's laptop opens it by the
    /// same name the phones will use.
    pub public_url: Option<String>,
    /// A folder to read the pages and assets from on every request, instead
    /// of the embedded copy: for editing the pages without a rebuild.
    pub dev_assets: Option<std::path::PathBuf>,
}

/// Registers the pages, the assets and the QR code. Each resource is
/// compressed (gzip) when the browser accepts it.
pub fn routes(cfg: &mut web::ServiceConfig, settings: WebSettings) {
    let dev = settings.dev_assets.clone();
    cfg.app_data(web::Data::new(settings));
    for (path, page) in PAGES {
        let html = page.html();
        let dev = dev.clone();
        cfg.service(
            web::resource(*path)
                .wrap(Compress::default())
                .route(web::get().to(move || {
                    let html = match &dev {
                        Some(dir) => {
                            page.html_from(&read_dev(dir, "page.html").unwrap_or_default())
                        }
                        None => html.clone(),
                    };
                    async move {
                        let mut response = HttpResponse::Ok();
                        response
                            .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
                            .insert_header((header::CACHE_CONTROL, "no-cache"));
                        secure(&mut response);
                        response.body(html)
                    }
                })),
        );
    }
    cfg.service(
        web::resource("/assets/{file:.+}")
            .wrap(Compress::default())
            .route(
                web::get().to(
                    |req: HttpRequest,
                     file: web::Path<String>,
                     settings: web::Data<WebSettings>| async move {
                        asset(&req, &file, settings.dev_assets.as_deref())
                    },
                ),
            ),
    )
    .service(web::resource("/j/{join_code}/qr.svg").route(web::get().to(qr_svg)))
    .service(web::resource("/j/{join_code}/link").route(web::get().to(join_link)));
}

/// A page: the shell `assets/page.html` with its title, script and body
/// class filled in; the script draws the rest.
#[derive(Clone, Copy, Debug)]
struct Page {
    title: &'static str,
    script: &'static str,
    class: &'static str,
    /// Stylesheets under `assets/` loaded after `tally.css`: each page
    /// family owns one, so a change to the phone's look cannot move the
    /// big screen.
    styles: &'static [&'static str],
}

const HOME: Page = Page {
    title: "Tally: live polls",
    script: "home",
    class: "",
    styles: &["home.css"],
};
const CONSOLE: Page = Page {
    title: "Presenter console · Tally",
    script: "console",
    class: "",
    styles: &["console.css"],
};
const SCREEN: Page = Page {
    title: "Big screen · Tally",
    script: "screen",
    class: "screen",
    styles: &["screen.css"],
};
const PHONE: Page = Page {
    title: "Join · Tally",
    script: "phone",
    class: "phone",
    styles: &["phone.css"],
};

const CONTEST: Page = Page {
    title: "Judged contest · Tally",
    script: "contest",
    class: "",
    styles: &[],
};
const JUDGE: Page = Page {
    title: "Score sheet · Tally",
    script: "judge",
    class: "phone",
    styles: &[],
};
const FEEDBACK: Page = Page {
    title: "Feedback · Tally",
    script: "feedback",
    class: "phone",
    styles: &[],
};
const REVEAL: Page = Page {
    title: "Results · Tally",
    script: "reveal",
    class: "screen",
    styles: &["screen.css"],
};

const EDITOR: Page = Page {
    title: "Deck editor · Tally",
    script: "editor",
    class: "",
    styles: &["editor.css"],
};

const PAGES: &[(&str, Page)] = &[
    ("/", HOME),
    // A new deck (blank, a template, an outline or a file), and a deck
    // that exists, live or not.
    ("/new", EDITOR),
    ("/edit/{presentation_id}", EDITOR),
    ("/present/{presentation_id}", CONSOLE),
    ("/screen/{presentation_id}", SCREEN),
    ("/j", PHONE),
    // `/j/`, as people type it after the address on the big screen: the
    // join page too (`{join_code}` cannot match an empty segment).
    ("/j/", PHONE),
    ("/j/{join_code}", PHONE),
    ("/contest", CONTEST),
    ("/contest/{contest_id}", CONTEST),
    ("/judge/{contest_id}", JUDGE),
    ("/reveal/{contest_id}/{round_id}", REVEAL),
    ("/feedback/{contest_id}", FEEDBACK),
];

impl Page {
    fn html(self) -> web::Bytes {
        let shell = Assets::get("page.html").map(|f| f.data).unwrap_or_default();
        self.html_from(&shell)
    }

    fn html_from(self, shell: &[u8]) -> web::Bytes {
        web::Bytes::from(
            String::from_utf8_lossy(shell)
                .replace("{title}", self.title)
                .replace("{script}", self.script)
                .replace("{class}", self.class)
                .replace(
                    "{styles}",
                    &self
                        .styles
                        .iter()
                        .map(|css| format!("<link rel=\"stylesheet\" href=\"/assets/{css}\">\n"))
                        .collect::<String>(),
                ),
        )
    }
}

/// An embedded file, revalidated by its hash on every load: a new release
/// is picked up at once, and an unchanged file costs a 304.
fn asset(req: &HttpRequest, name: &str, dev: Option<&std::path::Path>) -> HttpResponse {
    let (data, etag) = match dev {
        Some(dir) => match read_dev(dir, name) {
            Some(data) => {
                let etag = format!("\"dev-{:x}\"", fnv(&data));
                (data, etag)
            }
            None => return HttpResponse::NotFound().finish(),
        },
        None => match Assets::get(name) {
            Some(file) => (
                file.data.into_owned(),
                format!("\"{}\"", hex(&file.metadata.sha256_hash()[..12])),
            ),
            None => return HttpResponse::NotFound().finish(),
        },
    };
    let unchanged = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    let mut response = if unchanged {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    response
        .insert_header((header::CONTENT_TYPE, content_type(name)))
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, "no-cache"));
    secure(&mut response);
    if unchanged {
        return response.finish();
    }
    response.body(data)
}

/// A file of the development folder; `None` for a name that climbs out of
/// it or names no file.
fn read_dev(dir: &std::path::Path, name: &str) -> Option<Vec<u8>> {
    if name
        .split('/')
        .any(|part| part.is_empty() || part == "." || part == "..")
    {
        return None;
    }
    std::fs::read(dir.join(name)).ok()
}

/// A cheap content hash for the development folder's ETags.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("ftl") => "text/plain; charset=utf-8",
        Some("json" | "webmanifest") => "application/json",
        _ => "application/octet-stream",
    }
}

/// The headers every page and asset carries.
fn secure(response: &mut actix_web::HttpResponseBuilder) {
    response
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        // Page addresses never carry a secret, but the join code need not
        // travel to other sites either.
        .insert_header((header::REFERRER_POLICY, "no-referrer"));
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A join code as phones type it: six digits, optionally split by a space
/// or a dash. Anything else is not a code.
fn join_code(raw: &str) -> Option<String> {
    let digits: String = raw.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    (digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// The join link of a code as phones may type it; `None` if it is not a
/// code.
fn join_link_of(req: &HttpRequest, settings: &WebSettings, raw: &str) -> Option<JoinLink> {
    let code = join_code(raw)?;
    Some(JoinLink {
        url: join_url(req, settings, &code),
        join_code: code,
    })
}

/// The URL a phone opens to join: `{public_url}/j/{code}`.
fn join_url(req: &HttpRequest, settings: &WebSettings, code: &str) -> String {
    let base = match &settings.public_url {
        Some(url) => url.trim_end_matches('/').to_owned(),
        None => {
            let info = req.connection_info();
            format!("{}://{}", info.scheme(), info.host())
        }
    };
    format!("{base}/j/{code}")
}

#[derive(Serialize)]
struct JoinLink {
    url: String,
    join_code: String,
}

/// `GET /j/{code}/link`: the join URL the QR code holds, for the big
/// screen to print beside it.
async fn join_link(
    req: HttpRequest,
    settings: web::Data<WebSettings>,
    code: web::Path<String>,
) -> HttpResponse {
    match join_link_of(&req, &settings, &code) {
        Some(link) => HttpResponse::Ok().json(link),
        None => HttpResponse::NotFound().finish(),
    }
}

/// `GET /j/{code}/qr.svg`: the join URL as a QR code, drawn here so that
/// no outside service learns the code. Error correction M survives a
/// projector's glare and a phone's angle.
async fn qr_svg(
    req: HttpRequest,
    settings: web::Data<WebSettings>,
    code: web::Path<String>,
) -> HttpResponse {
    let Some(JoinLink { url, .. }) = join_link_of(&req, &settings, &code) else {
        return HttpResponse::NotFound().finish();
    };
    let Ok(qr) = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M)
    else {
        // Only a public_url of over two kilobytes gets here.
        return HttpResponse::UnprocessableEntity().finish();
    };
    let svg = qr
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(256, 256)
        .quiet_zone(true)
        .build();
    let mut response = HttpResponse::Ok();
    response
        .insert_header((header::CONTENT_TYPE, "image/svg+xml"))
        .insert_header((header::CACHE_CONTROL, "no-cache"));
    secure(&mut response);
    response.body(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_codes_are_six_digits_with_optional_separators() {
        assert_eq!(join_code("482913").as_deref(), Some("482913"));
        assert_eq!(join_code("482 913").as_deref(), Some("482913"));
        assert_eq!(join_code("482-913").as_deref(), Some("482913"));
        assert_eq!(join_code("48291"), None);
        assert_eq!(join_code("48291x"), None);
        assert_eq!(join_code("<script>"), None);
    }

    #[test]
    fn every_page_and_its_scripts_are_embedded() {
        for (_, page) in PAGES {
            let html = String::from_utf8_lossy(&page.html()).into_owned();
            assert!(html.contains(&format!("<title>{}</title>", page.title)));
            let script = format!("js/{}.js", page.script);
            assert!(html.contains(&format!("/assets/{script}")));
            assert!(Assets::get(&script).is_some(), "{script} is not embedded");
            for css in page.styles {
                assert!(html.contains(&format!("/assets/{css}")));
                assert!(Assets::get(css).is_some(), "{css} is not embedded");
            }
        }
        assert!(Assets::get("tally.css").is_some());
    }

    #[actix_web::test]
    async fn the_join_page_answers_with_and_without_a_trailing_slash() {
        use actix_web::{test, App};
        let app =
            test::init_service(App::new().configure(|cfg| routes(cfg, WebSettings::default())))
                .await;
        for path in ["/j", "/j/", "/j/482913"] {
            let response =
                test::call_service(&app, test::TestRequest::get().uri(path).to_request()).await;
            assert_eq!(response.status(), 200, "{path}");
            let kind = response
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok());
            assert_eq!(kind, Some("text/html; charset=utf-8"), "{path}");
            let body = test::read_body(response).await;
            assert!(
                String::from_utf8_lossy(&body).contains("/assets/js/phone.js"),
                "{path}"
            );
        }
    }
}
