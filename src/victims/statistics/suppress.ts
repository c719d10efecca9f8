// Disclosure control for published counts. A count of 1–4 (below K) is never given. Where a
// table's cells add up to a published total, one suppressed cell would be total minus the rest,
// so more cells are suppressed (complementary suppression) until the suppressed cells are at least
// two and hold at least K persons together: then no subtraction within the table recovers one.
// Every count given is rounded to the nearest multiple of BASE, so two answers (two ranges, or one
// range asked at two times) never pin their difference to a count of 1–4 (README, "Differencing").

export const K = 5;
/** Rounding base. The differencing guarantee (suppress.test.ts) holds for BASE = K = 5. */
export const BASE = 5;

export type Count = { value: number | null; suppressed: boolean };
export type Cell = { key: string | null; count: Count };
export type Table = { total: Count; cells: Cell[] };

/** A grouped count before suppression: `key` null means "not recorded". */
export type RawCell = { key: string | null; n: number };

/** n to the nearest multiple of BASE (n mod 5 of 0–2 down, 3–4 up): 5, 6, 7 → 5; 8–12 → 10. */
export const roundToBase = (n: number): number => BASE * Math.round(n / BASE);

const shown = (n: number): Count => ({ value: roundToBase(n), suppressed: false });
const withheld: Count = { value: null, suppressed: true };

/** A lone count: withheld when it is 1–4, else rounded (a zero stays 0: it says nothing of anyone). */
export function protect(n: number): Count {
  return n > 0 && n < K ? withheld : shown(n);
}

/**
 * The cells to withhold: every cell of 1–4, then, while fewer than two are withheld or together
 * they hold fewer than K, the smallest other non-zero cell. Zeros are shown (they say nothing of
 * anyone) and never serve as a complement.
 */
export function suppressedKeys(cells: readonly RawCell[]): Set<number> {
  const marked = new Set<number>();
  cells.forEach((c, i) => {
    if (c.n > 0 && c.n < K) marked.add(i);
  });
  if (marked.size === 0) return marked;
  const held = () => [...marked].reduce((sum, i) => sum + (cells[i]?.n ?? 0), 0);
  while (marked.size < 2 || held() < K) {
    let next = -1;
    cells.forEach((c, i) => {
      if (marked.has(i) || c.n === 0) return;
      if (next < 0 || c.n < (cells[next]?.n ?? 0)) next = i;
    });
    if (next < 0) break;
    marked.add(next);
  }
  return marked;
}

/**
 * A published table. `total` is the count the cells break down (for a multi-valued breakdown, where
 * a person counts in each of their values, the cells may add up to more). `totalWithheld` forces
 * the total to be withheld where another table withholds the same count.
 */
export function protectTable(cells: readonly RawCell[], total: number, totalWithheld = false): Table {
  const totalCount = totalWithheld ? withheld : protect(total);
  const hidden = suppressedKeys(cells);
  return {
    total: totalCount,
    cells: cells.map((c, i) => ({ key: c.key, count: hidden.has(i) ? withheld : shown(c.n) })),
  };
}
