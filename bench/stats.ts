// Medians, percentiles and the table the benchmark prints.

export function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  const s = sorted(values);
  if (s.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))]!;
}

export function median(values: readonly number[]): number {
  const s = sorted(values);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface Row {
  name: string;
  unit: string;
  min: number | null;
  median: number | null;
  max: number | null;
  /** Upper bound the figure should stay under, if any. */
  target?: number;
  note?: string;
}

function fmt(v: number | null, unit: string): string {
  if (v === null || Number.isNaN(v)) return '—';
  if (unit === 'x') return v.toFixed(2);
  return v >= 100 ? v.toFixed(0) : v.toFixed(1);
}

export function table(rows: readonly Row[]): string {
  const head = ['figure', 'min', 'median', 'max', 'target', ''];
  const body = rows.map((r) => [
    `${r.name} (${r.unit})`,
    fmt(r.min, r.unit),
    fmt(r.median, r.unit),
    fmt(r.max, r.unit),
    r.target === undefined ? '' : `<= ${r.target}`,
    r.median === null || r.target === undefined ? (r.note ?? '') : `${r.median <= r.target ? 'ok' : 'MISSED'}${r.note ? ` ${r.note}` : ''}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
