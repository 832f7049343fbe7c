//! `tally`: live polling and voting.

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use tally_server::{startup, telemetry, Application, Settings};

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
        Command::Migrate => {
            let pool = startup::database_pool(&settings)?;
            startup::migrate_with_grace(&pool).await?;
            tracing::info!("database is up to date");
        }
    }
    Ok(())
}
