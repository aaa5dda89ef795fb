/**
 * The explorer's controls against the live demo: the URL contract (bad parameters reported and
 * ignored, typed filters, exclusions, brushing), hostile values that stay literal end to end,
 * cancelling (the browser stops the Insights queries), export, compare, the wide-query prompt,
 * keyboard use and layout stability.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Request } from '@playwright/test';
import { LogsPage } from './pages/LogsPage';
import { shot } from './support/shots';
import { emulator } from './support/emulator';

test.describe('access-log explorer controls', () => {
  // First: the console's per-user query slots are not yet held by other tests' pages.
  test('stops the Insights queries when a panel is cancelled or the filters change', async ({ page }) => {
    const stops: unknown[] = [];
    page.on('request', (r: Request) => {
      if (r.url().endsWith('/api/logs/query') && r.postDataJSON()?.op === 'stop') stops.push(r.postDataJSON());
    });
    await emulator.addFault({ service: 'logs', operation: 'GetQueryResults', latencyMs: 4000 });
    try {
      const logs = new LogsPage(page);
      await logs.open({ range: '5m' });
      const histogram = logs.panel('histogram');
      await expect(histogram).toHaveAttribute('data-phase', 'running');
      await histogram.getByRole('button', { name: /^Cancel/ }).click();
      await expect(histogram).toHaveAttribute('data-phase', 'cancelled');
      await expect.poll(() => stops.length).toBeGreaterThanOrEqual(1);
      const first = stops[0] as { runs: Array<{ accountId: string; queryId: string }> };
      expect(first.runs.length).toBeGreaterThan(0);
      const before = stops.length;
      await page.getByTestId('add-filter').getByRole('textbox').fill('5xx');
      await page.getByTestId('add-filter').getByRole('textbox').press('Enter');
      await expect(page).toHaveURL(/code=5xx/);
      // The other queries were still waiting for GetQueryResults: each of them is stopped (the breakdowns and
      // latency that fold the histogram's pass were cancelled with it; the records that started once the
      // histogram settled stop now; request paths run only on demand).
      await expect.poll(() => stops.length - before, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
      await expect(histogram.getByRole('button', { name: /Run .* again/ })).toHaveCount(0);
    } finally {
      await emulator.clearFaults();
    }
  });

  test('reports bad URL parameters, ignores them and still loads', async ({ page }) => {
    const logs = new LogsPage(page);
    await logs.open(
      new URLSearchParams([
        ['code', 'abc'],
        ['range', '2y'],
        ['bogus', '1'],
        ['service', 'nope'],
        ['code', '5xx'],
      ]),
    );
    await expect(logs.urlProblems).toContainText(
      'Ignored code="abc": must be a status code (503), a class (5xx) or a range (500-504).',
    );
    await expect(logs.urlProblems).toContainText('Ignored range="2y"');
    await expect(logs.urlProblems).toContainText('Ignored service="nope"');
    await expect(logs.urlProblems).toContainText('Ignored unknown parameter "bogus".');
    await expect(logs.chips).toContainText('Status: 5xx');
    await logs.waitDone('histogram');
    await expect(logs.sources).toContainText('Every access-log group of the inventory');
  });

  test('adds, excludes and removes typed filters; a hostile value stays a literal end to end', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const logs = new LogsPage(page);
    await logs.open({ range: '15m' });
    const form = page.getByTestId('add-filter');
    await form.getByRole('combobox').selectOption('code');
    await form.getByRole('textbox').fill('abc');
    await form.getByRole('textbox').press('Enter');
    await expect(form.getByRole('alert')).toHaveText(
      'Status must be a status code (503), a class (5xx) or a range (500-504)',
    );
    await expect(page).toHaveURL(/\/logs\?range=15m$/);
    await form.getByRole('textbox').fill('2xx');
    await form.getByRole('button', { name: 'Exclude' }).click();
    await expect(page).toHaveURL(/[?&]notCode=2xx/);
    await expect(logs.chips).toContainText('not Status: 2xx');

    const hostile = 'x" | display @message # `tick`';
    await form.getByRole('combobox').selectOption('user');
    await form.getByRole('textbox').fill(hostile);
    await form.getByRole('button', { name: 'Include' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('user')).toBe(hostile);
    for (const p of ['histogram', 'top-user', 'records'] as const) await logs.waitDone(p);
    await expect(logs.panel('records')).toContainText('No records match');
    await expect(logs.panel('histogram').getByTestId('panel-histogram-errors')).toHaveCount(0);
    await logs
      .panel('histogram')
      .getByRole('button', { name: /Copy the Logs Insights query/ })
      .click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(
      'filter (not ((responseCode >= 200) and (responseCode <= 299))) and ' +
        '(resolvedUser = "x\\" | display @message # `tick`")\n' +
        '| stats count(*) as n, count(duration) as dn, sum(duration) as dsum, min(duration) as dmin, ' +
        'max(duration) as dmax, pct(duration, 10) as d10, pct(duration, 25) as d25, pct(duration, 50) as d50, ' +
        'pct(duration, 75) as d75, pct(duration, 90) as d90, pct(duration, 95) as d95, pct(duration, 99) as d99 ' +
        'by bin(10s) as t, responseCode, authDeniedReason, failureReason, targetGroupArn, sourceVpcId, resolvedUser',
    );

    await page.getByRole('button', { name: /Remove filter Resolved user/ }).click();
    await expect(page).toHaveURL(/\/logs\?notCode=2xx&range=15m$/);
  });

  test('exports the records as CSV and JSON lines, and opens details by keyboard', async ({ page }) => {
    const logs = new LogsPage(page);
    await logs.open({ range: '5m' });
    await logs.waitDone('records');
    const heading = await logs.panel('records').getByRole('heading').textContent();
    const n = heading?.includes('newest') ? 1000 : Number(/\((\d[\d,]*)\)/.exec(heading ?? '')?.[1]?.replace(/,/g, ''));
    expect(n).toBeGreaterThan(0);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      logs.panel('records').getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^trellis-access-logs-\d{8}T\d{4}Z-\d{8}T\d{4}Z\.csv$/);
    const text = await readFile((await csv.path())!, 'utf8');
    const lines = text.split('\r\n');
    expect(lines[0]!.startsWith('timestamp,log,startTime,serviceNetworkArn,serviceArn,targetGroupArn')).toBe(true);
    expect(lines.length).toBe(n + 2);
    const [jsonl] = await Promise.all([
      page.waitForEvent('download'),
      logs.panel('records').getByRole('button', { name: 'Export JSON lines' }).click(),
    ]);
    const records = (await readFile((await jsonl.path())!, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records).toHaveLength(n);
    expect(typeof records[0]!.responseCode).toBe('number');

    const row = logs.recordRows().first();
    await row.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('record-drawer');
    await expect(drawer).toBeVisible();
    await expect(drawer.getByRole('button', { name: 'Close the record details' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(drawer).toHaveCount(0);
    await expect(row).toBeFocused();
  });

  test('compares with the previous period and zooms by brushing the histogram', async ({ page }) => {
    const logs = new LogsPage(page);
    await logs.open({ range: '30m', compare: '1' });
    await logs.waitDone('histogram');
    await expect(page.getByTestId('histogram-previous')).toBeVisible();
    await logs.waitDone('top-code');
    await expect(logs.panel('top-code').locator('li[data-value="200"]')).toContainText(/[+−±]/);
    await expect(logs.panel('latency').locator('[data-figure="p50"]').first()).toContainText(/ms/);
    const chart = page.getByTestId('histogram-chart');
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.4, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + 60, { steps: 4 });
    await page.mouse.up();
    await expect(page).toHaveURL(/from=\d{4}-\d\d-\d\dT[\d%A]+Z&to=/);
    expect(page.url()).not.toContain('range=');
    expect(page.url()).toContain('compare=1');
    await expect(page.locator('#logs-range')).toHaveValue('custom');
    const w = await logs.window();
    expect(w.endMs - w.startMs).toBeLessThan(30 * 60_000 * 0.4);
  });

  test('estimates latency from the traffic pass, and runs the exact percentiles on demand', async ({ page }) => {
    const logs = new LogsPage(page);
    // A window that has ended: the exact pass reads the same records the estimate did.
    const to = new Date(Math.floor(Date.now() / 1000) * 1000 - 120_000);
    const from = new Date(to.getTime() - 3_600_000);
    await logs.open({ from: from.toISOString(), to: to.toISOString() });
    await logs.waitDone('latency');
    const latency = logs.panel('latency');
    const cost = page.getByTestId('view-cost');
    // Latency runs no query of its own: the view's queries are the traffic pass's slices and the records'.
    await logs.waitDone('records');
    const before = Number(await cost.getAttribute('data-queries'));
    const estimated = latency.locator('[data-figure="p95"][data-estimate]').first();
    await expect(estimated).toContainText('≈');
    const range = (await estimated.getAttribute('title')) ?? '';
    const [low, high] = [...range.matchAll(/([\d.]+) ms/g)].map((m) => Number(m[1]));
    expect(low).toBeLessThanOrEqual(high!);
    await shot(page, 'logs-latency-estimated', true);
    await latency.getByRole('button', { name: /Exact percentiles/ }).click();
    await expect(latency.getByTestId('latency-estimated')).toHaveCount(0, { timeout: 30_000 });
    await logs.waitDone('latency');
    await expect(latency.locator('[data-estimate]')).toHaveCount(0);
    // The exact p95 of the same window lies in the range the estimate stated; the exact pass is one more query.
    const exact = Number(
      ((await latency.locator('[data-figure="p95"]').first().locator('div').nth(1).textContent()) ?? '').replace(
        /[^\d.]/g,
        '',
      ),
    );
    expect(exact).toBeGreaterThanOrEqual(low!);
    expect(exact).toBeLessThanOrEqual(high!);
    expect(Number(await cost.getAttribute('data-queries'))).toBeGreaterThan(before);
    await shot(page, 'logs-latency-exact', true);
  });

  test('asks before a wide query', async ({ page }) => {
    const logs = new LogsPage(page);
    await logs.open({ range: '7d' });
    const prompt = page.getByTestId('wide-query');
    await expect(prompt).toContainText('over 7d');
    await expect(logs.panel('histogram')).toHaveCount(0);
    await prompt.getByRole('button', { name: 'Run the queries' }).click();
    await logs.waitDone('latency', 60_000);
  });

  test('excludes a value with Alt+click, picks log groups by hand, shows one failing account on the panels', async ({
    page,
  }) => {
    const logs = new LogsPage(page);
    await logs.open({ range: '15m' });
    await logs.waitDone('top-code');
    await logs
      .breakdownRow('top-code', '200')
      .getByRole('button')
      .first()
      .click({ modifiers: ['Alt'] });
    await expect.poll(() => new URL(page.url()).searchParams.getAll('notCode')).toEqual(['200']);
    await expect(logs.chips).toContainText('not Status: 200');
    await logs.waitDone('top-code');
    await expect(logs.breakdownRow('top-code', '200')).toHaveCount(0);

    await logs.sources.getByRole('button', { name: 'Choose log groups' }).click();
    const picker = page.locator('#logs-source-picker');
    for (const box of await picker.getByRole('checkbox').all()) await box.uncheck();
    await picker.getByRole('checkbox', { name: /\/aws\/vpc-lattice\/checkout\b/ }).check();
    await picker.getByRole('button', { name: 'Query these 1' }).click();
    await expect
      .poll(() => new URL(page.url()).searchParams.getAll('source'))
      .toEqual(['arn:aws:logs:us-east-1:333333333333:log-group:/aws/vpc-lattice/checkout']);
    await expect(logs.sources).toContainText('1 log group chosen by hand.');
    await logs.sources.getByRole('button', { name: 'Use the automatic choice' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('source')).toEqual([]);

    await emulator.addFault({
      account: '333333333333',
      service: 'logs',
      operation: 'StartQuery',
      errorRate: 1,
      errorCode: 'AccessDeniedException',
      errorMessage: 'User is not authorized to perform: logs:StartQuery',
    });
    try {
      await logs.open({ range: '5m' });
      await logs.waitDone('top-user');
      const errors = logs.panel('top-user').getByTestId('panel-top-user-errors');
      await expect(errors).toContainText('storefront (333333333333)');
      await expect(errors).toContainText('AccessDeniedException');
      await expect(errors).toContainText('not authorized to perform: logs:StartQuery');
      // The other accounts still answer.
      expect((await logs.breakdown('top-user')).size).toBeGreaterThan(0);
      await expect(logs.panel('histogram').getByTestId('histogram-chart')).toBeVisible();
    } finally {
      await emulator.clearFaults();
    }
  });

  test('renders without layout shift while the panels stream in', async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { layoutShift: number };
      w.layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.layoutShift += (e as PerformanceEntry & { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const logs = new LogsPage(page);
    await logs.open({ range: '15m' });
    for (const p of ['histogram', 'latency', 'records', 'top-user'] as const) await logs.waitDone(p);
    await expect(logs.panel('top-path')).toHaveAttribute('data-phase', 'idle');
    // Request paths run on demand; the panel keeps its size when asked for.
    await logs.panel('top-path').getByRole('button', { name: 'Show request paths' }).click();
    await logs.waitDone('top-path');
    expect(await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift)).toBeLessThan(0.01);
  });
});
