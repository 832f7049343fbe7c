//! A throwaway Postgres for tests.

use crate::process::{free_port, server_user, signal, spawn_tied_to_process};
use anyhow::{bail, Context as _};
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};
use tokio::sync::OnceCell;
use tokio_postgres::NoTls;

/// Where the Postgres server binaries are: `TALLY_PG_BIN`, else the newest
/// `/usr/lib/postgresql/<version>/bin` (Debian's layout).
fn bin_dir() -> anyhow::Result<PathBuf> {
    if let Ok(dir) = std::env::var("TALLY_PG_BIN") {
        return Ok(PathBuf::from(dir));
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .context("no /usr/lib/postgresql: install postgresql-15 (the README's test command does)")?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let v = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("postgres").exists().then_some((v, bin))
        })
        .collect();
    versions.sort();
    versions
        .pop()
        .map(|(_, p)| p)
        .context("no Postgres server binaries under /usr/lib/postgresql")
}

const DIR_PREFIX: &str = "tally-pg-";

/// Names the test process that owns a server directory.
pub(crate) const OWNER_FILE: &str = "owner.pid";

/// Removes server directories whose owning test process has exited. The
/// shared server lives in a static, which is never dropped, so its
/// directory outlives the process that made it; the next run tidies up.
pub(crate) fn remove_abandoned_dirs(prefix: &str) {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let named = entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(prefix));
        let owner = std::fs::read_to_string(path.join(OWNER_FILE)).ok();
        let abandoned = owner
            .and_then(|pid| pid.trim().parse::<u32>().ok())
            .is_some_and(|pid| !Path::new(&format!("/proc/{pid}")).exists());
        if named && abandoned {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

/// A Postgres server in a temporary directory, listening on 127.0.0.1.
#[derive(Debug)]
pub struct PgServer {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
    user: Option<(u32, u32)>,
    child: Mutex<Option<Child>>,
    /// The migrated template database on this server, made on first use.
    template: OnceCell<String>,
}

impl PgServer {
    /// Initialises a cluster and starts it. Takes a second or two.
    pub fn start() -> anyhow::Result<Self> {
        let bin = bin_dir()?;
        let user = server_user();
        remove_abandoned_dirs(DIR_PREFIX);
        let dir = tempfile::Builder::new().prefix(DIR_PREFIX).tempdir()?;
        std::fs::write(dir.path().join(OWNER_FILE), std::process::id().to_string())?;
        if let Some((uid, gid)) = user {
            std::os::unix::fs::chown(dir.path(), Some(uid), Some(gid))?;
        }
        let data = dir.path().join("data");
        let out = Self::command(&bin, "initdb", user)
            .args([
                "--auth=trust",
                "--username=postgres",
                "--encoding=UTF8",
                "--locale=C",
            ])
            .arg("--no-sync")
            .arg("-D")
            .arg(&data)
            .output()
            .context("running initdb")?;
        if !out.status.success() {
            bail!("initdb failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        let server = Self {
            dir,
            bin,
            port: free_port(),
            user,
            child: Mutex::new(None),
            template: OnceCell::new(),
        };
        server.resume()?;
        Ok(server)
    }

    fn command(bin: &Path, program: &str, user: Option<(u32, u32)>) -> Command {
        let mut command = Command::new(bin.join(program));
        if let Some((uid, gid)) = user {
            command.uid(uid).gid(gid);
        }
        command.stdin(Stdio::null());
        command
    }

    /// Starts the server (again) on its port, and waits until it accepts
    /// connections.
    pub fn resume(&self) -> anyhow::Result<()> {
        let mut child = self.child.lock().expect("lock");
        if child.is_some() {
            return Ok(());
        }
        let log = std::fs::File::create(self.dir.path().join("server.log"))?;
        if let Some((uid, gid)) = self.user {
            std::os::unix::fs::chown(self.dir.path().join("server.log"), Some(uid), Some(gid))?;
        }
        let mut command = Self::command(&self.bin, "postgres", self.user);
        command
            .arg("-D")
            .arg(self.dir.path().join("data"))
            .args([
                "-p",
                &self.port.to_string(),
                "-c",
                "listen_addresses=127.0.0.1",
            ])
            .arg("-c")
            .arg(format!(
                "unix_socket_directories={}",
                self.dir.path().display()
            ))
            // Commits reach the OS before they are acknowledged, so killing
            // the server (as fault tests do) loses nothing acknowledged;
            // skipping fsync only risks data on a machine crash, which
            // tests never survive anyway.
            .args(["-c", "fsync=off", "-c", "synchronous_commit=on"])
            .args(["-c", "full_page_writes=off", "-c", "max_connections=300"])
            .args(["-c", "shared_buffers=128MB"])
            .stdout(log.try_clone()?)
            .stderr(log);
        *child = Some(spawn_tied_to_process(command).context("starting postgres")?);
        drop(child);
        self.wait_ready(Duration::from_secs(60))
    }

    /// Stops the server at once, as a crash or an outage would (SIGQUIT:
    /// immediate shutdown, no checkpoint).
    pub fn halt(&self) -> anyhow::Result<()> {
        let Some(mut child) = self.child.lock().expect("lock").take() else {
            return Ok(());
        };
        signal(child.id(), libc::SIGQUIT);
        child.wait()?;
        Ok(())
    }

    fn wait_ready(&self, limit: Duration) -> anyhow::Result<()> {
        let deadline = Instant::now() + limit;
        loop {
            let ready = Command::new(self.bin.join("pg_isready"))
                .args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "-q"])
                .status()?;
            if ready.success() {
                return Ok(());
            }
            if Instant::now() > deadline {
                let log =
                    std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default();
                bail!("postgres did not become ready: {log}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The connection URL of `database` on this server.
    pub fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }
}

impl Drop for PgServer {
    fn drop(&mut self) {
        let _ = self.halt();
    }
}

/// The server shared by every test in this process.
pub fn shared_server() -> &'static PgServer {
    static SERVER: OnceLock<PgServer> = OnceLock::new();
    SERVER.get_or_init(|| PgServer::start().expect("starting the test Postgres server"))
}

/// Connects to `url`, driving the connection on the current runtime.
pub async fn connect(url: &str) -> anyhow::Result<tokio_postgres::Client> {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await?;
    tokio::spawn(async move {
        let _ = connection.await;
    });
    Ok(client)
}

/// A database of its own for one test, cloned from the migrated template,
/// and dropped when the value is.
#[derive(Debug)]
pub struct TestDatabase {
    server: &'static PgServer,
    name: String,
}

impl TestDatabase {
    /// A fresh, migrated, empty database on the shared server.
    pub async fn create() -> Self {
        Self::create_on(shared_server()).await
    }

    /// A fresh, migrated, empty database on `server`.
    pub async fn create_on(server: &'static PgServer) -> Self {
        let template = template(server).await;
        Self::create_named(server, "t", &format!("TEMPLATE {template}")).await
    }

    /// `CREATE DATABASE <prefix>_<random> <options>` on `server`.
    async fn create_named(server: &'static PgServer, prefix: &str, options: &str) -> Self {
        let name = format!("{prefix}_{}", uuid::Uuid::new_v4().simple());
        let admin = connect(&server.url("postgres"))
            .await
            .expect("connecting to the test server");
        admin
            .batch_execute(&format!("CREATE DATABASE {name} {options}"))
            .await
            .expect("creating a test database");
        Self { server, name }
    }

    pub fn url(&self) -> String {
        self.server.url(&self.name)
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// A plain connection, for assertions straight against the tables.
    pub async fn client(&self) -> tokio_postgres::Client {
        connect(&self.url())
            .await
            .expect("connecting to the test database")
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        // Drop is synchronous, so the database goes with a dropdb process.
        // WITH (FORCE) ends connections a pool may still hold.
        let _ = Command::new(self.server.bin.join("dropdb"))
            .args([
                "--force",
                "--if-exists",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
            ])
            .args(["-p", &self.server.port.to_string(), &self.name])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

/// Rows in `votes`.
pub async fn vote_rows(client: &tokio_postgres::Client) -> i64 {
    client
        .query_one("SELECT count(*) FROM votes", &[])
        .await
        .expect("counting vote rows")
        .get(0)
}

/// Counters whose stored count differs from the sum of the marks of the
/// vote rows, over every poll and round: 0 when counters and rows agree.
pub async fn options_unlike_rows(client: &tokio_postgres::Client) -> i64 {
    let polls = tally_postgres::recount::counters(client, None)
        .await
        .expect("comparing counters with rows");
    polls.iter().map(|p| p.differing().count() as i64).sum()
}

/// An empty database with no schema at all, as a new deployment has.
#[derive(Debug)]
pub struct EmptyDatabase(TestDatabase);

impl EmptyDatabase {
    pub async fn create() -> Self {
        Self(TestDatabase::create_named(shared_server(), "e", "").await)
    }
}

impl std::ops::Deref for EmptyDatabase {
    type Target = TestDatabase;
    fn deref(&self) -> &TestDatabase {
        &self.0
    }
}

/// Creates (once per server) an empty template database with every
/// migration applied, and returns its name.
async fn template(server: &'static PgServer) -> &'static str {
    server
        .template
        .get_or_init(|| async {
            let name = format!("tally_template_{}", std::process::id());
            let admin = connect(&server.url("postgres"))
                .await
                .expect("admin connection");
            admin
                .batch_execute(&format!("CREATE DATABASE {name}"))
                .await
                .expect("creating the template database");
            {
                let pool = tally_postgres::connect(&tally_postgres::PoolSettings {
                    url: server.url(&name),
                    max_size: 1,
                    wait_timeout: Duration::from_secs(10),
                    connect_timeout: Duration::from_secs(10),
                })
                .expect("template pool");
                tally_postgres::migrate(&pool)
                    .await
                    .expect("migrating the template");
                pool.close();
            }
            // A template must have no sessions when it is cloned.
            admin
                .execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                     WHERE datname = $1 AND pid <> pg_backend_pid()",
                    &[&name],
                )
                .await
                .expect("closing template sessions");
            name
        })
        .await
}
