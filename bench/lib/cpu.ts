import { readdirSync, readFileSync } from 'node:fs';

// CPU time of this process (all its threads) and of every PostgreSQL process on the machine (those
// that ended included), from /proc: what a bench's work cost on each side, independent of what else
// ran meanwhile.

const TICK_MS = 10; // USER_HZ is 100 on Linux

function postgresTicks(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
      const fields = stat.slice(close + 2).split(' ');
      // utime, stime; and cutime, cstime: the postmaster's ended children (a connection closed
      // during the run, such as an import's writer thread's, takes its backend's time with it).
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks;
}

export type CpuSample = { nodeMs: number; postgresMs: number };

export function cpuNow(): CpuSample {
  const u = process.cpuUsage();
  return { nodeMs: (u.user + u.system) / 1000, postgresMs: postgresTicks() * TICK_MS };
}

export function cpuSince(start: CpuSample): CpuSample {
  const now = cpuNow();
  return { nodeMs: now.nodeMs - start.nodeMs, postgresMs: now.postgresMs - start.postgresMs };
}
