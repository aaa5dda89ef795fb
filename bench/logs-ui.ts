/**
 * `npm run bench -- logs-ui [records]`: the access-log explorer over 1,000,000 (or `records`)
 * access-log records of one service in the emulator. Measures, in headless Chromium against the
 * built console, the time from applying a filter (Enter in the filter box, or a click on a
 * breakdown value) until every panel has drawn its finished results. Target: under 2 s. Also reports
 * what each view ran and scanned (its status line) against one pass over its window, and then, with a
 * field index on the network's log groups, a one-service view against that service's share.
 * Needs `npm run build` first. Ports: BENCH_EMULATOR_PORT and BENCH_APP_PORT (default: any free ones).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium, type Page } from '@playwright/test';
import { startEmulator } from '../emulator/server';
import { demoAppEnv } from '../scripts/demoEnv';
import { costLine, indexGroups, onePass, serviceShare, viewFigures } from './_logsUiCost';

const TARGET_MS = 2000;
/** A step whose panels have not all finished by then fails the bench (with their phases). */
const STEP_TIMEOUT_MS = 60_000;
/** Panels of the explorer; those that run on demand (request paths) are `idle` until asked for. */
const PANELS = 10;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function waitHttp(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error('the console exited before it was ready');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

/**
 * In-page watcher (a string: tsx would wrap named functions in helpers that do not exist in the
 * page). Resolves once every panel is `done` after at least one was not, with ms since `benchT0`.
 */
const WATCH = `(() => {
  window.benchT0 = undefined;
  window.benchDone = new Promise((resolve) => {
    const seen = {};
    let sawRun = false;
    const obs = new MutationObserver(() => {
      const panels = [...document.querySelectorAll('[data-phase]')];
      if (panels.some((p) => p.getAttribute('data-phase') !== 'done')) sawRun = true;
      for (const p of panels) {
        if (sawRun && p.getAttribute('data-phase') === 'done' && !(p.dataset.testid in seen))
          seen[p.dataset.testid] = performance.now() - window.benchT0;
      }
      const ran = panels.filter((p) => p.getAttribute('data-phase') !== 'idle');
      if (sawRun && panels.length === ${PANELS} && ran.every((p) => p.getAttribute('data-phase') === 'done')) {
        obs.disconnect();
        requestAnimationFrame(() => resolve({ ...seen, total: performance.now() - window.benchT0 }));
      }
    });
    obs.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-phase'], childList: true });
  });
})()`;

/** Resolves with ms from `act` until every panel is done (measured in the page's own clock). */
async function timeToDrawn(
  page: Page,
  act: () => Promise<void>,
): Promise<{ ms: number; perPanel: Record<string, number> }> {
  await page.evaluate(WATCH);
  await page.evaluate('window.benchT0 = performance.now()');
  await act();
  // A step that never settles is reported with every panel's phase, not waited on forever.
  const phases = `[...document.querySelectorAll('[data-phase]')].map((p) => p.dataset.testid + '=' + p.dataset.phase)`;
  const out = (await Promise.race([
    page.evaluate('window.benchDone'),
    new Promise((_, reject) => setTimeout(() => reject(new Error('no settle')), STEP_TIMEOUT_MS)),
  ]).catch(async (e: Error) => {
    throw new Error(`${e.message} within ${STEP_TIMEOUT_MS} ms: ${await page.evaluate(phases)}`);
  })) as Record<string, number>;
  const { total, ...perPanel } = out;
  return { ms: total ?? Number.NaN, perPanel };
}

/** Opens a URL and returns ms from navigation start until every panel is done. */
async function openAndWait(page: Page, url: string): Promise<number> {
  await page.goto(url);
  return (await page.evaluate(`new Promise((resolve) => {
    const check = () => {
      const panels = [...document.querySelectorAll('[data-phase]')];
      const ran = panels.filter((p) => p.getAttribute('data-phase') !== 'idle');
      if (panels.length === ${PANELS} && ran.length > 0 && ran.every((p) => p.getAttribute('data-phase') === 'done')) {
        obs.disconnect();
        requestAnimationFrame(() => resolve(performance.now()));
      }
    };
    const obs = new MutationObserver(check);
    obs.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-phase'], childList: true });
    check();
  })`)) as number;
}

async function typeFilter(page: Page, dim: string, value: string, exclude = false): Promise<void> {
  const form = page.getByTestId('add-filter');
  await form.getByRole('combobox').selectOption(dim);
  await form.getByRole('textbox').fill(value);
  if (exclude) await form.getByRole('button', { name: 'Exclude' }).click();
  else await form.getByRole('textbox').press('Enter');
}

/** Figures of main before this change (issue 14), printed next to the new ones. */
const BEFORE =
  'before (issue 14): median 3,084 ms, worst 3,849 ms; 10 queries per view (19 comparing), each a full pass; ' +
  'stop 18: median 1,473 ms, worst 1,796 ms; bytes per view median 2.49×, worst 3.00× one pass (latency a pass of ' +
  "its own); with filterIndex a one-service view 2.01× the service's share";

/** With BENCH_SHOTS=<dir>: a full-page screenshot of the explorer there. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.BENCH_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

async function fillRecords(url: string, body: Record<string, unknown>): Promise<void> {
  const fill = await fetch(`${url}/_emulator/bench/access-logs`, { method: 'POST', body: JSON.stringify(body) });
  if (!fill.ok) throw new Error(`fill failed: ${await fill.text()}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** The hub's network log groups, with an index policy from the start (the explorer caches policies a while). */
function indexedHubGroups(emu: Awaited<ReturnType<typeof startEmulator>>) {
  const hub = (n: string) =>
    emu.state.logs.ensureGroup('111111111111', 'us-east-1', `/aws/vpc-lattice/${n}`, Date.now() - 7_200_000);
  const groups = ['prod-mesh', 'shared-services'].map(hub);
  indexGroups(groups);
  return groups;
}

/**
 * With field indexes: a service that logs through its networks' groups (identity → prod-mesh and
 * shared-services), half of whose records are another service's; the groups get an index policy (as if
 * set before the records arrived) and the view's queries use filterIndex.
 */
async function indexedPhase(
  page: Page,
  emu: Awaited<ReturnType<typeof startEmulator>>,
  appPort: number,
  records: number,
): Promise<void> {
  const mesh = 'arn:aws:logs:us-east-1:111111111111:log-group:/aws/vpc-lattice/prod-mesh';
  const span = { spanMs: 3_600_000 - 120_000, endMs: Date.now() - 60_000 };
  const n = Math.max(1, Math.floor(records / 4));
  await fillRecords(emu.url, { service: 'identity', count: n, logGroupArn: mesh, ...span });
  await fillRecords(emu.url, { service: 'payments-api', count: n, logGroupArn: mesh, ...span });
  const groups = indexedHubGroups(emu);
  const identity = emu.state.lattice.serviceViews().find((v) => v.service.name === 'identity')!.service.arn;
  const url = `http://127.0.0.1:${appPort}/logs?service=${encodeURIComponent(identity)}`;
  process.stdout.write(
    `\nwith a field index (serviceArn, targetGroupArn, responseCode) on prod-mesh and shared-services, ` +
      `${n.toLocaleString('en-US')} records of identity + ${n.toLocaleString('en-US')} of payments-api:\n`,
  );
  const report = async (label: string, ms: number) => {
    const v = await viewFigures(page);
    const share = serviceShare(groups, v.window, identity);
    process.stdout.write(`  ${label.padEnd(24)} ${String(Math.round(ms)).padStart(6)} ms\n`);
    process.stdout.write(`      ${costLine(v, onePass(groups, v.window), share)}\n`);
  };
  const t0 = Date.now();
  await openAndWait(page, url);
  await report('open identity', Date.now() - t0);
  await shot(page, 'explorer-indexed-service');
  await report('status class 5xx', (await timeToDrawn(page, () => typeFilter(page, 'code', '5xx'))).ms);
  await report('status 503', (await timeToDrawn(page, () => typeFilter(page, 'code', '503'))).ms);
}

export default async function bench(args: string[]): Promise<void> {
  const records = Number(args[0] ?? 1_000_000);
  if (!existsSync('.next/standalone/server.js'))
    throw new Error('run `npm run build` first: the bench measures the built console');
  const emulatorPort = Number(process.env.BENCH_EMULATOR_PORT ?? 0);
  const emu = await startEmulator({ port: emulatorPort, scenario: 'demo', seed: 1, params: { traffic: false } });
  const appPort = Number(process.env.BENCH_APP_PORT ?? 0) || (await freePort());
  const app = spawn(process.execPath, ['.next/standalone/server.js'], {
    env: { ...process.env, ...demoAppEnv({ emulatorUrl: emu.url, port: appPort }) },
    stdio: ['ignore', process.env.BENCH_APP_LOG ? 'pipe' : 'ignore', 'inherit'],
  });
  // BENCH_APP_LOG=<file>: the console's JSON log lines (one per request, with its AWS calls) go there.
  if (process.env.BENCH_APP_LOG) app.stdout?.pipe(createWriteStream(process.env.BENCH_APP_LOG));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const t = Date.now();
    indexedHubGroups(emu);
    await fillRecords(emu.url, {
      service: 'payments-api',
      count: records,
      spanMs: 3_600_000 - 120_000,
      endMs: Date.now() - 60_000,
    });
    process.stdout.write(
      `filled ${records.toLocaleString('en-US')} records of payments-api ` +
        `in ${((Date.now() - t) / 1000).toFixed(1)} s\n`,
    );
    await waitHttp(`http://127.0.0.1:${appPort}/api/health`, app);
    const service = emu.state.lattice.serviceViews().find((v) => v.service.name === 'payments-api')!.service.arn;
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const url = `http://127.0.0.1:${appPort}/logs?service=${encodeURIComponent(service)}`;
    const open = await openAndWait(page, url);
    process.stdout.write(`first open (cold console: page load, inventory, all panels): ${Math.round(open)} ms\n`);
    process.stdout.write(`second open (page load and all panels): ${Math.round(await openAndWait(page, url))} ms\n`);
    await shot(page, 'explorer-no-index');
    const steps: Array<[string, () => Promise<void>]> = [
      ['status class 5xx', () => typeFilter(page, 'code', '5xx')],
      [
        'remove it (chip ×)',
        () =>
          page
            .getByRole('button', { name: /^Remove filter/ })
            .first()
            .click(),
      ],
      ['exclude 2xx', () => typeFilter(page, 'code', '2xx', true)],
      ['method POST', () => typeFilter(page, 'method', 'POST')],
      [
        'click a resolved user',
        () => page.getByTestId('panel-top-user').locator('li[data-value] button').first().click(),
      ],
      ['path prefix /api/v1/', () => typeFilter(page, 'pathPrefix', '/api/v1/')],
      ['free text "timeout"', () => typeFilter(page, 'text', 'Timeout')],
      ['browser Back', async () => void (await page.goBack())],
      [
        'click a target group',
        () => page.getByTestId('panel-top-targetGroup').locator('li[data-value] button').first().click(),
      ],
    ];
    const payments = [emu.state.logs.group('222222222222', 'us-east-1', '/aws/vpc-lattice/payments-api')!];
    const times: number[] = [];
    const ratios: number[] = [];
    const queries: number[] = [];
    for (const [label, act] of steps) {
      const r = await timeToDrawn(page, act);
      times.push(r.ms);
      const v = await viewFigures(page);
      const pass = onePass(payments, v.window);
      ratios.push(v.bytesScanned / pass);
      queries.push(v.queries);
      const slowest = Object.entries(r.perPanel).sort((a, b) => b[1] - a[1])[0];
      const last = slowest ? `${slowest[0]} ${Math.round(slowest[1])} ms` : '-';
      process.stdout.write(
        `  ${label.padEnd(24)} ${String(Math.round(r.ms)).padStart(6)} ms   (last panel: ${last})\n` +
          `      ${costLine(v, pass)}\n`,
      );
      if (process.env.BENCH_VERBOSE)
        process.stdout.write(`      ${await page.getByTestId('panel-records').locator('h2').textContent()}\n`);
      if (process.env.BENCH_VERBOSE)
        process.stdout.write(
          `      ${Object.entries(r.perPanel)
            .sort((a, b) => a[1] - b[1])
            .map(([k, v]) => `${k.replace('panel-', '')} ${Math.round(v)}`)
            .join(' · ')}\n`,
        );
    }
    // Request paths run on demand (a pass of their own): opened once, they run in every later view.
    const paths = await timeToDrawn(page, () =>
      page.getByTestId('panel-top-path').getByRole('button', { name: 'Show request paths' }).click(),
    );
    const opened = await viewFigures(page);
    process.stdout.write(
      `  ${'open request paths'.padEnd(24)} ${String(Math.round(paths.ms)).padStart(6)} ms\n` +
        `      whole view with paths: ${costLine(opened, onePass(payments, opened.window))}\n`,
    );
    const withPaths = await timeToDrawn(page, () => typeFilter(page, 'code', '4xx'));
    const v5 = await viewFigures(page);
    process.stdout.write(
      `  ${'4xx, paths open'.padEnd(24)} ${String(Math.round(withPaths.ms)).padStart(6)} ms\n` +
        `      ${costLine(v5, onePass(payments, v5.window))}\n`,
    );
    await shot(page, 'explorer-paths-open');
    const med = median(times);
    const worst = Math.max(...times);
    const verdict = worst < TARGET_MS ? 'OK' : med < TARGET_MS ? 'median OK, worst over' : 'OVER';
    process.stdout.write(
      `\nfilter applied → all ${PANELS} panels drawn over ${records.toLocaleString('en-US')} records: ` +
        `median ${Math.round(med)} ms, worst ${Math.round(worst)} ms (target < ${TARGET_MS} ms) ${verdict}\n` +
        `queries per view: ${Math.min(...queries)}–${Math.max(...queries)}; bytes scanned per view: ` +
        `median ${median(ratios).toFixed(2)}×, worst ${Math.max(...ratios).toFixed(2)}× one pass over the window ` +
        `(target ≤ 3×; request paths not opened)\n${BEFORE}\n`,
    );
    await indexedPhase(await browser.newPage({ viewport: { width: 1280, height: 720 } }), emu, appPort, records);
  } finally {
    await browser.close();
    app.kill('SIGTERM');
    await emu.close();
  }
}
