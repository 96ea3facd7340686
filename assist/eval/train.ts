// `npm run train [-- --negatives DIR | --without-negatives]`: learn the weights of weighed.ts and write
// assist/weights.ts.
//
// Positives: the gold inconsistencies of the training splits (never a held-out one, never test)
// whose two excerpts hold a candidate pair of figures. Negatives: every other candidate pair of those
// articles, and every candidate pair of the even-numbered articles of the Wikinews CSVs in DIR
// (github:vanatteveldt/wikinews, data/; its odd-numbered articles are left to count false alarms).
// Logistic regression, full-batch gradient descent from zero weights (each weight kept to the sign
// its evidence can have, weighed.ts featureSign): the same data gives the same weights. Each positive weighs as a fifth of all negatives over all positives.
import fs from 'node:fs';
import path from 'node:path';
import { figuresOf } from '../index';
import type { Quantity } from '../quantities';
import { candidates, featureSign, pairFeatures } from '../weighed';
import { loadSplit, loadWikinewsCsv } from './evaluate';

/** The splits the weights learn from: written blind, then read and tuned on (README "The assistant"). */
export const TRAINING_SPLITS = ['dev', 'train2', 'train3', 'train4', 'train5', 'train6', 'train7', 'train8', 'train9'];
/** The score a pair must pass: chosen on the totals of the older held-out splits, set before the fresh one was scored. */
export const THRESHOLD = 1;
const EPOCHS = 2000;
const RATE = 0.5;
const L2 = 1;

interface Row {
  f: Record<string, number>;
  y: 0 | 1;
}

const KINDS = new Set(['count', 'amount', 'measure', 'percent', 'duration']);

/** The candidate pairs of one text, labelled by its gold pairs (excerpt offsets). */
export function labelledPairs(text: string, gold: Array<[number, number, number, number]>, published?: string): Row[] {
  const qs = figuresOf(text, published ? { published } : {});
  const inside = (q: Quantity, at: number, len: number) => at >= 0 && q.start < at + len && at < q.end;
  return candidates(qs, text).map((c) => {
    const { a, b } = c;
    const hit = gold.some(([ia, la, ib, lb]) => (inside(a, ia, la) && inside(b, ib, lb)) || (inside(b, ia, la) && inside(a, ib, lb)));
    return { f: pairFeatures(c, qs, text), y: hit ? 1 : 0 };
  });
}

function rows(negatives: string | null): Row[] {
  const out: Row[] = [];
  for (const split of TRAINING_SPLITS) {
    for (const art of loadSplit(split)) {
      const gold = art.gold.inconsistencies
        .filter((g) => g.b !== undefined && KINDS.has(g.kind))
        .map((g) => [art.text.indexOf(g.a), g.a.length, art.text.indexOf(g.b!), g.b!.length] as [number, number, number, number]);
      out.push(...labelledPairs(art.text, gold, art.gold.published ?? undefined));
    }
  }
  if (negatives !== null) {
    for (const [i, t] of loadWikinewsCsv(negatives).entries()) if (i % 2 === 0) out.push(...labelledPairs(t.text, [], t.published));
  }
  return out;
}

function fit(data: Row[]): Record<string, number> {
  const names = [...new Set(data.flatMap((r) => Object.keys(r.f)))].sort();
  const d = names.length;
  const n = data.length;
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  data.forEach((r, i) => {
    names.forEach((k, j) => (x[i * d + j] = r.f[k] ?? 0));
    y[i] = r.y;
  });
  const pos = data.filter((r) => r.y === 1).length;
  const posWeight = (n - pos) / Math.max(1, pos) / 5;
  const w = new Float64Array(d);
  const g = new Float64Array(d);
  const bias = names.indexOf('bias');
  const signs = names.map(featureSign);
  for (let e = 0; e < EPOCHS; e++) {
    g.fill(0);
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let j = 0; j < d; j++) z += x[i * d + j]! * w[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const c = (y[i] === 1 ? posWeight : 1) * (p - y[i]!);
      for (let j = 0; j < d; j++) g[j]! += c * x[i * d + j]!;
    }
    for (let j = 0; j < d; j++) {
      w[j]! -= RATE * (g[j]! / n + (j === bias ? 0 : (L2 * w[j]!) / n));
      // (projected: a sign of evidence keeps the sign it can only have)
      if (signs[j]! * w[j]! < 0) w[j] = 0;
    }
  }
  return Object.fromEntries(names.map((k, j) => [k, Math.round(w[j]! * 1e4) / 1e4]));
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--negatives');
  const negatives = at >= 0 ? args[at + 1]! : path.resolve(__dirname, '..', '..', '..', '.mirror', 'vanatteveldt+wikinews', 'data');
  // (without published negatives the weights pair ordinary news figures: refuse rather than overwrite
  // the weights with worse ones, unless asked to)
  const without = args.includes('--without-negatives');
  const have = !without && fs.existsSync(negatives);
  if (!have && !without) {
    console.error(`train: no Wikinews CSVs at ${negatives}; fetch github:vanatteveldt/wikinews and pass its data folder with --negatives DIR (assist/weights.ts is unchanged)`);
    process.exit(1);
  }
  let data: Row[];
  try {
    data = rows(have ? negatives : null);
  } catch (err) {
    console.error(`train: ${(err as Error).message} (assist/weights.ts is unchanged)`);
    process.exit(1);
  }
  const weights = fit(data);
  const out = path.resolve(__dirname, '..', '..', 'assist', 'weights.ts');
  const body = Object.entries(weights)
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${v},`)
    .join('\n');
  fs.writeFileSync(
    out,
    `// Written by \`npm run train\` (assist/eval/train.ts); do not edit by hand.\n` +
      `// ${data.length.toLocaleString('en')} candidate pairs, ${data.filter((r) => r.y === 1).length} of them gold inconsistencies, from ${TRAINING_SPLITS.join(', ')}${have ? ' and the even-numbered Wikinews articles' : ''}.\n` +
      `export const PAIR_THRESHOLD = ${THRESHOLD};\n` +
      `export const PAIR_WEIGHTS: Readonly<Record<string, number>> = {\n${body}\n};\n`,
  );
  console.log(`train: ${data.length} pairs, ${data.filter((r) => r.y === 1).length} positive; wrote ${path.relative(process.cwd(), out)}`);
}

if (require.main === module) main();
