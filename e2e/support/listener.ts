/**
 * Which program serves a local TCP port (Linux /proc), so a test can prove what runs a server it did
 * not start: the listening socket's inode (/proc/net/tcp, tcp6) → the process holding it
 * (/proc/<pid>/fd) → its executable (/proc/<pid>/exe).
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Inodes of the sockets listening on `port` (any address). */
export function listeningInodes(port: number, tables = ['/proc/net/tcp', '/proc/net/tcp6']): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of tables) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is ADDR:PORT in hex; state 0A is LISTEN; the inode is the 10th field.
      if (f[1]?.endsWith(`:${hexPort}`) && f[3] === '0A' && f[9]) inodes.add(f[9]);
    }
  }
  return inodes;
}

/** The pid and executable of the process listening on `port`, if this user can see it. */
export function listeningProcess(port: number): { pid: number; exe: string } | undefined {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return { pid: Number(pid), exe: readlinkSync(`/proc/${pid}/exe`) };
    }
  }
  return undefined;
}
