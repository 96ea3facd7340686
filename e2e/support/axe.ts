import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// axe-core over what the page shows, light and dark: no serious or critical violation (WCAG 2.1
// AA: contrast, names, roles). Each screen's picture is kept with the test's artifacts.

export async function expectAccessible(page: Page, screen: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    // Each screen's picture is kept with the test's artifacts.
    const { width, height } = page.viewportSize()!;
    const file = test.info().outputPath(`${screen.replace(/\W+/g, '-')}-${width}x${height}-${scheme}.png`);
    await page.screenshot({ path: file });
    await test.info().attach(`${screen} ${scheme}`, { path: file, contentType: 'image/png' });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`)
        .join('\n')}`);
    expect(bad, `${screen}, ${scheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
}
