//! Starting server processes that die with the test process.

use std::process::{Child, Command};
use std::sync::mpsc;
use std::sync::OnceLock;

type Request = (Command, mpsc::Sender<std::io::Result<Child>>);

/// Spawns `command` so that it is killed when this process exits, even by a
/// panic or a kill -9 of the test runner: the child asks the kernel for a
/// signal on its parent's death (PR_SET_PDEATHSIG).
///
/// The kernel sends that signal when the *thread* that forked the child
/// ends, and each `#[tokio::test]` runs on a short-lived thread, so children
/// are forked from one thread that lives as long as the process.
pub fn spawn_tied_to_process(command: Command) -> std::io::Result<Child> {
    static SPAWNER: OnceLock<mpsc::Sender<Request>> = OnceLock::new();
    let spawner = SPAWNER.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<Request>();
        std::thread::Builder::new()
            .name("tally-testkit-spawner".into())
            .spawn(move || {
                for (mut command, reply) in rx {
                    let _ = reply.send(spawn_with_parent_death_signal(&mut command));
                }
            })
            .expect("starting the spawner thread");
        tx
    });
    let (reply, answer) = mpsc::channel();
    spawner
        .send((command, reply))
        .map_err(|_| std::io::Error::other("spawner thread is gone"))?;
    answer
        .recv()
        .map_err(|_| std::io::Error::other("spawner thread is gone"))?
}

#[allow(unsafe_code)]
fn spawn_with_parent_death_signal(command: &mut Command) -> std::io::Result<Child> {
    use std::os::unix::process::CommandExt as _;
    // SAFETY: prctl is async-signal-safe and touches no memory of ours. It
    // runs after std has switched uid/gid, which matters because a
    // credential change clears the parent-death signal.
    unsafe {
        command.pre_exec(|| {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGQUIT) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    command.spawn()
}

/// The uid and gid to run a database server as. Postgres refuses to run as
/// root, so when the tests run as root its servers run as `postgres`.
pub fn server_user() -> Option<(u32, u32)> {
    #[allow(unsafe_code)]
    // SAFETY: geteuid has no preconditions.
    let euid = unsafe { libc::geteuid() };
    if euid != 0 {
        return None;
    }
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let fields: Vec<&str> = line.split(':').collect();
        (fields.first() == Some(&"postgres"))
            .then(|| Some((fields.get(2)?.parse().ok()?, fields.get(3)?.parse().ok()?)))
            .flatten()
    })
}

/// Sends a signal to a process.
#[allow(unsafe_code)]
pub fn signal(pid: u32, signal: i32) {
    if let Ok(pid) = i32::try_from(pid) {
        // SAFETY: kill has no memory-safety preconditions.
        unsafe {
            libc::kill(pid, signal);
        }
    }
}

/// A port on loopback that nothing listens on right now, for servers that
/// cannot bind port 0 themselves (Postgres, Redis).
///
/// It is drawn from 20000-29999, below Linux's ephemeral range
/// (32768-60999), so that an app binding port 0 in the meantime can never be
/// handed the same port. (Probing with a port-0 bind and reusing the port
/// raced exactly like that.)
pub fn free_port() -> u16 {
    use std::sync::atomic::{AtomicU16, Ordering};
    static NEXT: AtomicU16 = AtomicU16::new(0);
    let seed = u16::try_from(std::process::id() % 10_000).unwrap_or(0);
    for _ in 0..10_000 {
        let port = 20_000 + (seed + NEXT.fetch_add(1, Ordering::Relaxed)) % 10_000;
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
    panic!("no free port in 20000-29999")
}
