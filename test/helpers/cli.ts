import { type ChildProcess, spawn } from 'node:child_process';
import { repoPath } from '../../src/platform/paths.ts';

// Runs the real CLI from source in a child process (node --import tsx).
export type CliProcess = { child: ChildProcess; output(): string; exited: Promise<number | null> };

export function startCli(args: string[], env: Record<string, string>): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', repoPath('src/cli/main.ts'), ...args], {
    cwd: repoPath(),
    env: { ...process.env, JARING_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

export async function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const p = startCli(args, env);
  const code = await p.exited;
  return { code, output: p.output() };
}

/** Resolves when the process prints `text`; rejects if it exits first or after `ms`. */
export function waitForOutput(p: CliProcess, text: string | RegExp, ms = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const matches = () => (typeof text === 'string' ? p.output().includes(text) : text.test(p.output()));
    const timer = setTimeout(() => {
      clearInterval(poll);
      reject(new Error(`timed out waiting for ${text}; output so far:\n${p.output()}`));
    }, ms);
    const poll = setInterval(() => {
      if (matches()) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 50);
    void p.exited.then((code) => {
      if (matches()) return;
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before printing ${text}; output:\n${p.output()}`));
    });
  });
}
