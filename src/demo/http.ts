// A logged-in user of a demo node, talking to its real HTTP API.

export type Session = {
  username: string;
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    expect?: number,
  ): Promise<T>;
};

export class DemoError extends Error {}

export async function logIn(base: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200)
    throw new DemoError(`logging in as ${username} at ${base} failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    username,
    call: async <T>(method: string, path: string, body?: unknown, expect?: number): Promise<T> => {
      const r = await fetch(`${base}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      const ok = expect === undefined ? r.status < 300 : r.status === expect;
      if (!ok)
        throw new DemoError(
          `${method} ${path} as ${username} at ${base}: HTTP ${r.status} ${text.slice(0, 400)}`,
        );
      return (text ? JSON.parse(text) : null) as T;
    },
  };
}

/** Polls until `check` gives a value, or fails after `timeoutMs` naming what it waited for. */
export async function observe<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new DemoError(`not observed within ${timeoutMs / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
