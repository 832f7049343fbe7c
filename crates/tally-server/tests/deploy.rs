//! The deployment files, checked without Docker: the compose file against
//! the Compose Specification's schema, every file it references, the
//! Prometheus config with promtool, and the dashboard against the metrics
//! Tally really exports.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn compose() -> Value {
    let text = std::fs::read_to_string(root().join("docker-compose.yml")).unwrap();
    serde_yaml_ng::from_str(&text).unwrap()
}

#[test]
fn the_compose_file_follows_the_compose_specification() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("deploy/schema/compose-spec.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let compose = compose();
    let errors: Vec<String> = validator
        .iter_errors(&compose)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // And the schema is not vacuous: a typo is caught.
    let mut broken = compose.clone();
    broken["services"]["tally"]["healthchek"] = Value::Bool(true);
    assert!(!validator.is_valid(&broken));
}

#[test]
fn the_compose_file_has_what_the_docker_path_promises() {
    let compose = compose();
    let services = compose["services"].as_object().unwrap();
    for name in [
        "postgres",
        "redis",
        "tally",
        "proxy",
        "prometheus",
        "grafana",
    ] {
        let service = &services[name];
        assert!(
            service["healthcheck"].is_object(),
            "{name} has no health check"
        );
    }
    assert_eq!(services["tally"]["deploy"]["replicas"], 2);
    let redis = services["redis"]["command"].as_array().unwrap();
    assert!(
        redis.iter().any(|a| a == "always"),
        "Redis must run the durable profile"
    );
    for volume in [
        "postgres-data",
        "redis-data",
        "prometheus-data",
        "grafana-data",
    ] {
        assert!(compose["volumes"].as_object().unwrap().contains_key(volume));
    }
    assert_eq!(
        services["grafana"]["environment"]["GF_AUTH_ANONYMOUS_ORG_ROLE"],
        "Viewer"
    );
}

#[test]
fn every_file_the_compose_file_references_exists() {
    let compose = compose();
    let mut referenced = Vec::new();
    for (name, service) in compose["services"].as_object().unwrap() {
        if let Some(build) = service.get("build") {
            let context = build["context"].as_str().unwrap_or(".");
            referenced.push((name.clone(), root().join(context)));
            if let Some(dockerfile) = build["dockerfile"].as_str() {
                referenced.push((name.clone(), root().join(context).join(dockerfile)));
            }
        }
        for volume in service["volumes"].as_array().into_iter().flatten() {
            let source = volume.as_str().unwrap().split(':').next().unwrap();
            if source.starts_with("./") {
                referenced.push((name.clone(), root().join(source)));
            }
        }
    }
    assert!(referenced.len() >= 6);
    for (service, path) in referenced {
        assert!(
            path.exists(),
            "{service} references {} which does not exist",
            path.display()
        );
    }
}

#[test]
fn the_prometheus_config_passes_promtool() {
    let out = std::process::Command::new("promtool")
        .args(["check", "config"])
        .arg(root().join("deploy/prometheus/prometheus.yml"))
        .output()
        .expect("promtool is installed (apt-get install prometheus)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Metric families Tally exports, with every labelled series made to appear.
fn exported_metrics() -> BTreeSet<String> {
    use tally_domain::ports::{FlushMetrics as _, IntakeMetrics as _, VoteMetrics as _};
    let metrics = tally_prometheus::Metrics::new().unwrap();
    metrics.observe_http("POST", "/x", 204, 0.001);
    metrics.vote_took(tally_domain::ports::IntakePath::Fast, 0.001);
    let batch = tally_domain::ports::FlushedBatch {
        votes: 1,
        inserted: 1,
        accepted_at_ms: vec![1],
    };
    metrics.flushed(&batch, 0.01, 2);
    metrics.vote_accepted(tally_domain::VoteReceipt::Counted);
    metrics.set_db_pool(1, 1, 1, 0);
    metrics.set_vote_admission(0, 0);
    metrics
        .render()
        .lines()
        .filter(|l| l.starts_with("# TYPE "))
        .filter_map(|l| l.split_whitespace().nth(2).map(str::to_owned))
        .collect()
}

#[test]
fn every_metric_on_the_dashboard_is_exported() {
    let dashboard: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("deploy/grafana/dashboards/tally.json")).unwrap(),
    )
    .unwrap();
    let exported = exported_metrics();
    let mut used = BTreeSet::new();
    for panel in dashboard["panels"].as_array().unwrap() {
        for target in panel["targets"].as_array().unwrap() {
            let expr = target["expr"].as_str().unwrap();
            for word in expr.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
                if word.starts_with("tally_") {
                    let family = ["_bucket", "_sum", "_count"]
                        .iter()
                        .find_map(|s| word.strip_suffix(s))
                        .unwrap_or(word);
                    used.insert(family.to_owned());
                }
            }
        }
    }
    assert!(used.len() >= 10, "{used:?}");
    let missing: Vec<_> = used.difference(&exported).collect();
    assert!(
        missing.is_empty(),
        "dashboard uses metrics Tally does not export: {missing:?}"
    );
}

/// The k6 scripts parse (node checks their syntax; k6 itself cannot be
/// installed here) and keep the shape of the Rust load generator's
/// scenarios: the same vote endpoint, thresholds for the targets.
#[test]
fn the_k6_scripts_parse_and_mirror_the_load_generator() {
    let dir = tempfile::tempdir().unwrap();
    let scripts = ["lib.js", "spike.js", "soak.js", "ws-fanout.js"];
    for name in scripts {
        let source = std::fs::read_to_string(root().join("k6").join(name)).unwrap();
        // ES modules: node only treats .mjs files as such.
        let copy = dir.path().join(name.replace(".js", ".mjs"));
        std::fs::write(&copy, &source).unwrap();
        let out = std::process::Command::new("node")
            .arg("--check")
            .arg(&copy)
            .output()
            .expect("node is installed (apt-get install nodejs)");
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if name != "lib.js" {
            assert!(source.contains("thresholds"), "{name} has no thresholds");
        }
    }
    let lib = std::fs::read_to_string(root().join("k6/lib.js")).unwrap();
    assert!(lib.contains("/polls/current/votes"));
    let spike = std::fs::read_to_string(root().join("k6/spike.js")).unwrap();
    assert!(
        spike.contains("30000")
            && spike.contains("p(99)<250")
            && spike.contains("noConnectionReuse")
    );
    let fanout = std::fs::read_to_string(root().join("k6/ws-fanout.js")).unwrap();
    assert!(
        fanout.contains("/live")
            && fanout.contains("p(99)<500")
            && fanout.contains("/live/presenter")
            && fanout.contains("vote_to_presenter_ms: ['p(99)<300']")
            && fanout.contains("presenter_audience")
    );
    // A broken script is caught.
    let broken = dir.path().join("broken.mjs");
    std::fs::write(&broken, "export default function ( {").unwrap();
    assert!(!std::process::Command::new("node")
        .arg("--check")
        .arg(&broken)
        .status()
        .unwrap()
        .success());
}
