import { readdirSync, readFileSync } from 'node:fs';

// CPU time of this process (all its threads) and of every PostgreSQL process on the machine, from
// /proc: what a bench's work cost on each side, independent of what else ran meanwhile.

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
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
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
