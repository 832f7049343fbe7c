//! One place that sets up logging.

use tracing_subscriber::EnvFilter;

/// actix-http's dispatcher logs every request it cannot parse (a head too
/// large, a malformed line) at ERROR, though the client already got its 4xx
/// (431, 400): client noise, not a server error. It is off unless `RUST_LOG`
/// names `actix_http` itself.
const QUIET: &str = "actix_http::h1::dispatcher=off";

/// The log filter: `RUST_LOG` (default `info`), with [`QUIET`] unless
/// `RUST_LOG` asks for actix-http.
fn filter(rust_log: Option<&str>) -> EnvFilter {
    let mut filter = rust_log
        .and_then(|v| EnvFilter::try_new(v).ok())
        .unwrap_or_else(|| EnvFilter::new("info"));
    if !rust_log.is_some_and(|v| v.contains("actix_http")) {
        if let Ok(quiet) = QUIET.parse() {
            filter = filter.add_directive(quiet);
        }
    }
    filter
}

/// Installs the global subscriber. `RUST_LOG` filters (default `info`);
/// `format` is `json` for machines or anything else for people.
pub fn init(format: &str) {
    let filter = filter(std::env::var("RUST_LOG").ok().as_deref());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // A second init (in tests) is harmless: the first subscriber stays.
    let _ = if format == "json" {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_parse_errors_are_quiet_unless_asked_for() {
        for rust_log in [None, Some("warn"), Some("info,tally=debug")] {
            assert!(filter(rust_log).to_string().contains(QUIET), "{rust_log:?}");
        }
        let asked = filter(Some("info,actix_http=debug")).to_string();
        assert!(!asked.contains("=off"), "{asked}");
    }
}
