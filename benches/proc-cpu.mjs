// CPU time per process, from /proc/<pid>/stat (utime + stime), for the
// page benchmarks: what a page costs the machine per update, split by
// process, instead of a wall-clock figure that mixes every process on two
// shared cores. Linux only.
//
// cpuSnapshot() covers the Chromium processes this node process started
// (the browser, each renderer, the GPU and utility processes, told apart
// by their --type= argument) and, when found, the Tally serving the page.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const TICK_US = 1e6 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

function stat(pid) {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields start after
    // the last ')'. Then: state ppid … utime (14th field) stime (15th).
    const rest = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(rest[1]), us: (Number(rest[11]) + Number(rest[12])) * TICK_US };
  } catch {
    return null; // gone meanwhile
  }
}

function kindOf(pid) {
  try {
    // Chromium rewrites its children's command lines as one string
    // joined by spaces, so the type is looked for in the whole of it.
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const type = /--type=([\w-]+)/.exec(cmd);
    if (type) return type[1];
    return /chrom/.test(cmd.split(/[\0 ]/)[0]) ? 'browser' : null;
  } catch {
    return null;
  }
}

// The pid listening on `port` (127.0.0.1 or any address), through the
// socket inode in /proc/net/tcp; null when it is not ours to see.
function listenerOf(port) {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines = [];
    try {
      lines = readFileSync(table, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const f = line.trim().split(/\s+/);
      if (f.length > 9 && f[1].endsWith(`:${hex}`) && f[3] === '0A') inodes.add(f[9]);
    }
  }
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let fds = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1])) return Number(pid);
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}

const tallyPid = (() => {
  if (process.env.TALLY_PID) return Number(process.env.TALLY_PID);
  const url = new URL(process.env.TALLY_URL || 'http://127.0.0.1:8080');
  return listenerOf(Number(url.port || 80));
})();

// CPU µs so far, per process kind: { browser, renderer, 'gpu-process',
// utility, …, tally }. Renderers' times are summed (one per page).
export function cpuSnapshot() {
  const all = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map(Number);
  const parent = new Map();
  for (const pid of all) {
    const s = stat(pid);
    if (s) parent.set(pid, s);
  }
  const mine = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 16; p = parent.get(p)?.ppid, hops++) {
      if (p === process.pid) return true;
    }
    return false;
  };
  const out = {};
  for (const [pid, s] of parent) {
    if (pid === process.pid || !mine(pid)) continue;
    const kind = kindOf(pid);
    if (kind) out[kind] = (out[kind] || 0) + s.us;
  }
  if (tallyPid) out.tally = stat(tallyPid)?.us ?? 0;
  return out;
}

// What each kind of process spent between two snapshots, in µs.
export function cpuSpent(before, after) {
  const out = {};
  for (const k of Object.keys(after)) out[k] = after[k] - (before[k] || 0);
  return out;
}

export const tallyFound = tallyPid != null;
