// A one-line progress counter on stderr, only when stderr is a terminal.
export function progressBar(label: string, total?: number) {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  return {
    update(done: number) {
      const now = Date.now();
      if (!tty || now - last < 100) return;
      last = now;
      const share = total ? ` of ${total} (${Math.floor((done / total) * 100)}%)` : '';
      process.stderr.write(`\r${label} ${done}${share}`);
    },
    finish() {
      if (tty) process.stderr.write('\n');
    },
  };
}
