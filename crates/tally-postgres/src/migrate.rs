use anyhow::Context as _;
use deadpool_postgres::Pool;

mod embedded {
    refinery::embed_migrations!("../../migrations");
}

/// An arbitrary constant naming the advisory lock that serialises
/// migrations, so that several `tally serve` processes starting together
/// do not race to apply the same migration.
const MIGRATION_LOCK: i64 = 0x7a11_7a11;

/// What a migration run did.
#[derive(Debug, Clone)]
pub struct MigrationReport {
    pub applied: Vec<String>,
}

/// Applies every embedded migration not yet applied.
///
/// # Errors
/// When the database is unreachable or a migration fails (it is then rolled
/// back).
pub async fn migrate(pool: &Pool) -> anyhow::Result<MigrationReport> {
    migrate_to(pool, None).await
}

/// Applies the embedded migrations up to `version` (every one when
/// `None`). Upgrade tests stop at an older schema, fill it, then migrate.
///
/// # Errors
/// As [`migrate`].
pub async fn migrate_to(pool: &Pool, version: Option<i32>) -> anyhow::Result<MigrationReport> {
    let mut client = pool.get().await.context("connecting to Postgres")?;
    client
        .execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK])
        .await
        .context("taking the migration lock")?;
    let target = version.map_or(refinery::Target::Latest, refinery::Target::Version);
    let result = embedded::migrations::runner()
        .set_target(target)
        .run_async(&mut **client)
        .await;
    // Unlock whatever happened; the lock also ends with the session.
    let unlocked = client
        .execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK])
        .await;
    let report = result.context("applying migrations")?;
    unlocked.context("releasing the migration lock")?;
    Ok(MigrationReport {
        applied: report
            .applied_migrations()
            .iter()
            .map(|m| m.to_string())
            .collect(),
    })
}
