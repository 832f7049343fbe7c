//! `tally`: live polling and voting.

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use tally_server::{connections, telemetry, verify, Application, Settings};

/// mimalloc instead of glibc malloc: under vote load, glibc's allocator
/// took about a tenth of the server's CPU (see benches/RESULTS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser, Debug)]
#[command(name = "tally", version, about = "Live polling and voting")]
struct Cli {
    /// A TOML configuration file (also `TALLY_CONFIG`).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Migrate the database, then serve HTTP until SIGTERM.
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Exit 0 if this machine's `tally serve` answers /readyz (for container
    /// health checks, where no curl is installed).
    Health,
    /// Compare Redis counters, Postgres counts and vote rows, and recompute
    /// every published contest round's digest from its stored marks; exit
    /// 0 when everything agrees, 1 when anything differs.
    Verify {
        /// Presentations to check (default: all).
        #[arg(long = "presentation")]
        presentations: Vec<String>,
        /// Keep checking for up to this many seconds while they differ
        /// (votes still being flushed).
        #[arg(long, default_value_t = 0)]
        wait: u64,
    },
}

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let settings = Settings::load(cli.config.as_deref())?;
    telemetry::init(&settings.log_format);
    match cli.command {
        Command::Serve => {
            let app = Application::build(&settings).await?;
            app.run_until_stopped().await.context("server failed")?;
            tracing::info!("stopped");
        }
        Command::Health => {
            let ready = health(settings.port).await;
            std::process::exit(if ready { 0 } else { 1 });
        }
        Command::Migrate => {
            let pool = connections::database_pool(&settings)?;
            connections::migrate_with_grace(&pool).await?;
            tracing::info!("database is up to date");
        }
        Command::Verify {
            presentations,
            wait,
        } => {
            let agree = run_verify(&settings, &presentations, wait).await?;
            std::process::exit(if agree { 0 } else { 1 });
        }
    }
    Ok(())
}

/// GET /readyz on the local port with a bare HTTP/1.0 request: enough for a
/// health check, and no HTTP client in the binary for it.
async fn health(port: u16) -> bool {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let attempt = async {
        let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
        stream
            .write_all(b"GET /readyz HTTP/1.0\r\nHost: localhost\r\n\r\n")
            .await?;
        let mut head = [0u8; 12];
        stream.read_exact(&mut head).await?;
        Ok::<_, std::io::Error>(
            head.starts_with(b"HTTP/1.1 200") || head.starts_with(b"HTTP/1.0 200"),
        )
    };
    matches!(
        tokio::time::timeout(std::time::Duration::from_secs(3), attempt).await,
        Ok(Ok(true))
    )
}

/// Prints one report per presentation; returns whether all agree.
#[allow(clippy::print_stdout)] // the report is the command's output
async fn run_verify(settings: &Settings, ids: &[String], wait: u64) -> anyhow::Result<bool> {
    let pool = connections::database_pool(settings)?;
    let mirror = match settings.redis_url {
        Some(_) => Some(tally_redis::RedisMirror::new(
            connections::redis_connection(settings)?,
        )),
        None => None,
    };
    let ids = if ids.is_empty() {
        verify::all_presentations(&pool).await?
    } else {
        ids.iter()
            .map(|s| {
                s.parse()
                    .with_context(|| format!("{s:?} is not a presentation id"))
            })
            .collect::<anyhow::Result<_>>()?
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(wait);
    let mut all_agree = true;
    for id in ids {
        let mut report = verify::verify(&pool, mirror.as_ref(), id).await?;
        while !report.agrees() && std::time::Instant::now() < deadline {
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            report = verify::verify(&pool, mirror.as_ref(), id).await?;
        }
        all_agree &= report.agrees();
        print!("{report}");
    }
    let contests = verify::verify_contests(&pool).await?;
    all_agree &= contests.agrees();
    print!("{contests}");
    Ok(all_agree)
}
