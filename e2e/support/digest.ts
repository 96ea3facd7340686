import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

// The last thing the end-to-end run prints: each failed attempt's test, first lines of its error
// and where it stopped, so a CI log cut to its tail still says what broke. A test that failed and
// then passed on its retry is named as flaky with the first attempt's error: a retry hides nothing.

const LINES = 12;

function firstLines(text: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
  return plain.split('\n').slice(0, LINES).join('\n');
}

export default class Digest implements Reporter {
  private readonly failures: { test: TestCase; result: TestResult }[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'failed' || result.status === 'timedOut') this.failures.push({ test, result });
  }

  onEnd(_result: FullResult): void {
    if (this.failures.length === 0) return;
    console.log('\n── end-to-end failures (digest) ──');
    for (const { test, result } of this.failures) {
      const outcome = test.outcome() === 'flaky' ? 'flaky: passed on retry after' : 'failed';
      console.log(`${outcome} attempt ${result.retry + 1}: ${test.titlePath().filter(Boolean).join(' › ')} (${(result.duration / 1000).toFixed(1)} s, ${result.status})`);
      for (const error of result.errors) {
        if (error.location) console.log(`  at ${error.location.file}:${error.location.line}`);
        console.log(firstLines(error.message ?? error.value ?? '').replace(/^/gm, '  '));
      }
    }
  }
}
