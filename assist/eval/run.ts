// `npm run eval [-- dev|train2|train3|test|real|cases|cases-train2|wikinews=DIR] [--verbose]`: the assistant's figures on the evaluation data.
// Tune on dev and the train splits only: read test's (and the held-out splits') figures, never their misses line by line.
import { suggest } from '../index';
import { emptyScore, loadReal, loadSplit, loadWikinewsCsv, scoreArticle, table, words } from './evaluate';
import { caseTable, loadCases, realCaseTable, runCases, runRealCases } from './cases';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const splits = args.filter((a) => !a.startsWith('--'));
for (const split of splits.length ? splits : ['dev', 'train2', 'test', 'real']) {
  if (split.startsWith('cases')) {
    // Cross-document contradictions over a case corpus (issue 14): assist/eval/cases.ts. "cases" and
    // the "cases-train" splits are tuned on (misses listed with --verbose); the held-out ones give totals only.
    const score = runCases(loadCases(split));
    console.log(caseTable(score, split));
    if (verbose && (split === 'cases' || split.startsWith('cases-train'))) for (const line of [...score.misses.map((m) => `  miss: ${m}`), ...score.falseAlarms.map((f) => `  false: ${f}`)]) console.log(line);
    if (split !== 'cases') continue;
    const real = runRealCases();
    console.log(realCaseTable(real));
    if (verbose) for (const f of real.falseAlarms) console.log(`  false: ${f}`);
    continue;
  }
  if (split === 'real' || split.startsWith('wikinews=')) {
    // (the wider check reads each article with its publication date, as the app would)
    const wide = split.startsWith('wikinews=');
    let texts: Array<{ name: string; text: string; published?: string }>;
    try {
      texts = wide ? loadWikinewsCsv(split.slice('wikinews='.length)) : loadReal();
    } catch (err) {
      console.error(`eval: ${(err as Error).message}`);
      process.exit(1);
    }
    let n = 0;
    let w = 0;
    for (const t of texts) {
      const found = suggest(t.text, t.published ? { published: t.published } : {}).filter((s) => s.type === 'inconsistency');
      n += found.length;
      w += words(t.text);
      if (verbose) for (const s of found) console.log(`  ${t.name}: ${s.type === 'inconsistency' ? s.explanation : ''}`);
    }
    console.log(`${wide ? 'wikinews' : 'real'}: ${texts.length} texts, ${w.toLocaleString('en')} words, ${n} inconsistencies proposed (${((n / Math.max(1, w)) * 1000).toFixed(3)} per 1,000 words)`);
    continue;
  }
  const score = emptyScore();
  for (const article of loadSplit(split)) scoreArticle(score, article, suggest(article.text, article.gold.published ? { published: article.gold.published } : {}));
  console.log(table(split, score));
  if (verbose && (split === 'dev' || split.startsWith('train'))) {
    for (const m of score.misses) console.log(`  miss: ${m}`);
    for (const f of score.falseAlarms) console.log(`  false: ${f}`);
    if (args.includes('--attributions')) {
      for (const m of score.attributionMisses) console.log(`  attribution miss: ${m}`);
      for (const f of score.attributionFalse) console.log(`  attribution false: ${f}`);
    }
  }
}
