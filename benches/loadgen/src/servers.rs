//! What the `tally serve` processes on this machine use, read from /proc.

/// The /proc directories of every `tally serve` process.
fn servers() -> impl Iterator<Item = std::path::PathBuf> {
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|dir| {
            let cmdline = std::fs::read(dir.join("cmdline")).unwrap_or_default();
            let cmd = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            cmd.contains("tally serve")
        })
}

/// Resident memory of every `tally serve` process, bytes.
pub fn rss() -> u64 {
    servers()
        .map(|dir| {
            let status = std::fs::read_to_string(dir.join("status")).unwrap_or_default();
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                .unwrap_or(0)
                * 1024
        })
        .sum()
}

/// CPU time (user and system) every `tally serve` process has used, in
/// clock ticks (`getconf CLK_TCK`, 100 on Linux).
pub fn cpu_ticks() -> u64 {
    servers()
        .map(|dir| {
            let stat = std::fs::read_to_string(dir.join("stat")).unwrap_or_default();
            // Fields after the command (which may hold spaces), from the 3rd.
            let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
            let fields: Vec<&str> = after.split_whitespace().collect();
            let field = |n: usize| fields.get(n - 3).and_then(|f| f.parse::<u64>().ok());
            field(14).unwrap_or(0) + field(15).unwrap_or(0)
        })
        .sum()
}
