//! A throwaway Redis for tests, one per test: they start in milliseconds,
//! and a test's flusher must never read another test's streams.

use crate::postgres::{remove_abandoned_dirs, OWNER_FILE};
use crate::process::{free_port, signal, spawn_tied_to_process};
use anyhow::{bail, Context as _};
use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const DIR_PREFIX: &str = "tally-redis-";

/// How Redis persists what it acknowledged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durability {
    /// AOF with fsync before every reply: the documented durable profile.
    Durable,
    /// AOF with fsync once a second: a crash may lose the last second.
    EverySecond,
    /// No persistence at all: a crash loses everything not yet flushed.
    Volatile,
}

#[derive(Debug)]
pub struct RedisServer {
    dir: tempfile::TempDir,
    port: u16,
    durability: Durability,
    child: Mutex<Option<Child>>,
}

impl RedisServer {
    pub fn start(durability: Durability) -> anyhow::Result<Self> {
        remove_abandoned_dirs(DIR_PREFIX);
        let dir = tempfile::Builder::new().prefix(DIR_PREFIX).tempdir()?;
        std::fs::write(dir.path().join(OWNER_FILE), std::process::id().to_string())?;
        let server = Self {
            dir,
            port: free_port(),
            durability,
            child: Mutex::new(None),
        };
        server.resume()?;
        Ok(server)
    }

    /// Starts (again) on the same port and directory, recovering what it
    /// persisted.
    pub fn resume(&self) -> anyhow::Result<()> {
        let mut child = self.child.lock().expect("lock");
        if child.is_some() {
            return Ok(());
        }
        let bin = which("redis-server")
            .context("redis-server is not installed (apt-get install redis-server)")?;
        let (aof, fsync) = match self.durability {
            Durability::Durable => ("yes", "always"),
            Durability::EverySecond => ("yes", "everysec"),
            Durability::Volatile => ("no", "no"),
        };
        let log = std::fs::File::create(self.dir.path().join("redis.log"))?;
        let mut command = Command::new(bin);
        command
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1"])
            .arg("--dir")
            .arg(self.dir.path())
            .args(["--save", "", "--appendonly", aof, "--appendfsync", fsync])
            .args(["--protected-mode", "no", "--daemonize", "no"])
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log);
        *child = Some(spawn_tied_to_process(command)?);
        drop(child);
        self.wait_ready(Duration::from_secs(30))
    }

    fn wait_ready(&self, limit: Duration) -> anyhow::Result<()> {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if ping(self.port) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let log = std::fs::read_to_string(self.dir.path().join("redis.log")).unwrap_or_default();
        bail!("redis did not become ready: {log}")
    }

    /// Crashes Redis (SIGKILL): whatever it had not persisted is gone.
    pub fn kill(&self) -> anyhow::Result<()> {
        self.end(libc::SIGKILL)
    }

    /// Stops Redis cleanly (SIGTERM): it persists before exiting.
    pub fn stop(&self) -> anyhow::Result<()> {
        self.end(libc::SIGTERM)
    }

    fn end(&self, sig: i32) -> anyhow::Result<()> {
        let Some(mut child) = self.child.lock().expect("lock").take() else {
            return Ok(());
        };
        signal(child.id(), sig);
        child.wait()?;
        Ok(())
    }

    /// Freezes Redis (SIGSTOP): connections stay open, nothing answers, as
    /// with a network partition.
    pub fn pause(&self) {
        if let Some(child) = self.child.lock().expect("lock").as_ref() {
            signal(child.id(), libc::SIGSTOP);
        }
    }

    pub fn unpause(&self) {
        if let Some(child) = self.child.lock().expect("lock").as_ref() {
            signal(child.id(), libc::SIGCONT);
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Where Redis keeps its files (the AOF).
    pub fn dir(&self) -> &std::path::Path {
        self.dir.path()
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.unpause();
        let _ = self.kill();
    }
}

fn ping(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
    let mut reply = [0u8; 7];
    stream.write_all(b"PING\r\n").is_ok()
        && stream.read_exact(&mut reply).is_ok()
        && &reply == b"+PONG\r\n"
}

fn which(program: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .chain(["/usr/bin", "/usr/sbin", "/usr/local/bin"])
        .map(|d| std::path::Path::new(d).join(program))
        .find(|p| p.exists())
}
