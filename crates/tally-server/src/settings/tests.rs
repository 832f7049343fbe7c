//! The settings' layering, validation and the example file.

use super::*;
use secrecy::ExposeSecret as _;
use std::collections::HashMap;

fn load(vars: &[(&str, &str)], file: Option<&Path>) -> anyhow::Result<Settings> {
    let vars: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Settings::load_from(file, |name| vars.get(name).cloned())
}

#[test]
fn defaults_bind_loopback_on_8080_securely() {
    let s = load(&[], None).unwrap();
    assert_eq!((s.host.as_str(), s.port), ("127.0.0.1", 8080));
    assert!(!s.open_presenter);
    assert!(s.redis_url.is_none());
}

#[test]
fn conventional_variables_are_honoured_and_win() {
    let s = load(
        &[
            ("DATABASE_URL", "postgres://a@h/db"),
            ("TALLY_DATABASE_URL", "postgres://b@h/db"),
            ("PORT", "9000"),
            ("REDIS_URL", "redis://127.0.0.1:6379"),
        ],
        None,
    )
    .unwrap();
    assert_eq!(s.database_url.expose_secret(), "postgres://a@h/db");
    assert_eq!(s.port, 9000);
    assert!(s.redis_url.is_some());
}

#[test]
fn the_switch_accepts_1_and_true() {
    for value in ["1", "true"] {
        let s = load(&[("TALLY_OPEN_PRESENTER", value)], None).unwrap();
        assert!(s.open_presenter, "{value}");
    }
    assert!(
        !load(&[("TALLY_OPEN_PRESENTER", "0")], None)
            .unwrap()
            .open_presenter
    );
}

#[test]
fn a_file_sits_between_defaults_and_environment() {
    let dir = std::env::temp_dir().join(format!("tally-settings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("tally.toml");
    std::fs::write(
        &file,
        "port = 7000\ndatabase_pool_size = 8\nhost = \"0.0.0.0\"\n",
    )
    .unwrap();
    let s = load(&[("TALLY_DATABASE_POOL_SIZE", "12")], Some(&file)).unwrap();
    assert_eq!(
        (s.port, s.database_pool_size, s.host.as_str()),
        (7000, 12, "0.0.0.0")
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_intake_follows_redis_url_unless_told() {
    assert_eq!(
        load(&[], None).unwrap().intake_mode().unwrap(),
        IntakeMode::Postgres
    );
    let with_redis = [("REDIS_URL", "redis://127.0.0.1:6379")];
    assert_eq!(
        load(&with_redis, None).unwrap().intake_mode().unwrap(),
        IntakeMode::Redis
    );
    let forced = [
        ("REDIS_URL", "redis://127.0.0.1:6379"),
        ("TALLY_INTAKE", "postgres"),
    ];
    assert_eq!(
        load(&forced, None).unwrap().intake_mode().unwrap(),
        IntakeMode::Postgres
    );
    assert!(load(&[("TALLY_INTAKE", "redis")], None)
        .unwrap()
        .intake_mode()
        .is_err());
    assert!(load(&[("TALLY_INTAKE", "kafka")], None)
        .unwrap()
        .intake_mode()
        .is_err());
}

#[test]
fn bad_values_are_reported() {
    let err = load(&[("PORT", "eighty")], None).unwrap_err();
    assert!(format!("{err:#}").contains("invalid value"), "{err:#}");
}

/// `deploy/tally.example.toml` promises every setting, with its default:
/// a setting added without it fails here.
#[test]
fn the_example_config_lists_every_setting_with_its_default() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../deploy/tally.example.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    for key in ENV_SETTINGS {
        let listed = text.lines().any(|line| {
            line.trim_start_matches(['#', ' '])
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        });
        assert!(listed, "{key} is missing from {}", path.display());
    }
    let from_file = load(&[], Some(&path)).unwrap();
    let defaults = load(&[], None).unwrap();
    assert_eq!(format!("{from_file:?}"), format!("{defaults:?}"));
}

/// Votes stuck on a frozen Redis move to Postgres only if the probe
/// finds it down before their own timeout.
#[test]
fn the_default_vote_timeout_outlasts_the_probes_detection() {
    let s = load(&[], None).unwrap();
    assert!(Duration::from_millis(s.redis_timeout_ms) > s.probe().detection_time());
}

#[test]
fn the_database_url_never_prints() {
    let s = load(&[("DATABASE_URL", "postgres://u:hunter2@h/db")], None).unwrap();
    assert!(!format!("{s:?}").contains("hunter2"));
}
