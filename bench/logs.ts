/**
 * `npm run bench -- logs [records]`: Logs Insights engine over 1,000,000 seeded access-log records
 * spread over 3 hours, held in a columnar form (typed arrays, dictionary-encoded strings). Times
 * compileQuery + a full execution (median of 5 runs after one warm-up) against a 1 s target.
 * The batch factory (`makeBatch`) is the only place that knows the storage, so the log store can
 * later supply batches through the same LogBatch interface.
 */
import { Rng } from '../emulator/core/rng';
import { compileQuery, startExecution, type LogBatch, type FieldReader, type FieldValue } from '../emulator/logs/insights/index';
import { buildCatalog, generateRecord } from '../emulator/logs/insights/testing/accessLogs';

const SPAN_MS = 3 * 3600_000;
const START_MS = Date.UTC(2024, 4, 1, 9);
const BATCH = 10_000;
const QUERIES = [
  'stats count(*) by bin(1m), responseCode',
  'filter responseCode >= 500 | stats count(*) by targetGroupArn',
  'stats pct(duration, 99) by serviceArn',
];
/** Informational only (no target): regex filtering and a non-aggregate top-N. */
const EXTRAS = [
  'filter requestPath =~ /\\/items\\/\\d+\\/stock$/ | stats count(*) by serviceArn',
  'filter responseCode = 503 | fields @timestamp, requestPath, duration | sort duration desc | limit 100',
  'fields @timestamp, @message | limit 20',
];

/** A column: codes[i] >= 0 is a dictionary string, -2 a number in nums[i], -1 missing. */
interface Column {
  codes: Int32Array;
  nums?: Float64Array;
  dict: string[];
  index: Map<string, number>;
}

interface ColumnarLogs {
  n: number;
  timestamps: Float64Array;
  bytes: Uint32Array;
  streams: Uint8Array;
  names: string[];
  columns: Map<string, Column>;
}

function generate(n: number): ColumnarLogs {
  const catalog = buildCatalog(42);
  const rng = new Rng(42).fork('bench');
  const store: ColumnarLogs = {
    n,
    timestamps: new Float64Array(n),
    bytes: new Uint32Array(n),
    streams: new Uint8Array(n),
    names: [],
    columns: new Map(),
  };
  const column = (name: string): Column => {
    let col = store.columns.get(name);
    if (!col) {
      col = { codes: new Int32Array(n).fill(-1), dict: [], index: new Map() };
      store.columns.set(name, col);
      store.names.push(name);
    }
    return col;
  };
  for (let i = 0; i < n; i++) {
    const t = START_MS + Math.floor((i * SPAN_MS) / n);
    const rec = generateRecord(rng, catalog, t);
    store.timestamps[i] = t;
    store.streams[i] = i % 3;
    store.bytes[i] = JSON.stringify(rec).length; // ASCII: characters = UTF-8 bytes
    for (const [name, v] of Object.entries(rec)) {
      const col = column(name);
      if (typeof v === 'number') {
        col.nums ??= new Float64Array(n);
        col.nums[i] = v;
        col.codes[i] = -2;
      } else {
        let code = col.index.get(v);
        if (code === undefined) {
          code = col.dict.push(v) - 1;
          col.index.set(v, code);
        }
        col.codes[i] = code;
      }
    }
  }
  return store;
}

function reader(col: Column, lo: number): FieldReader {
  const { codes, nums, dict } = col;
  if (!nums) {
    return (i) => {
      const c = codes[lo + i] as number;
      return c >= 0 ? dict[c] : undefined;
    };
  }
  return (i) => {
    const c = codes[lo + i] as number;
    return c === -2 ? nums[lo + i] : c >= 0 ? dict[c] : undefined;
  };
}

/** The batch factory: events [lo, hi) of the columnar store as a LogBatch. */
function makeBatch(s: ColumnarLogs, lo: number, hi: number): LogBatch {
  const readers = new Map<string, FieldReader>();
  return {
    length: hi - lo,
    logGroupId: '222222222222:/aws/vpc-lattice/access',
    timestamp: (i) => s.timestamps[lo + i] as number,
    ingestionTime: (i) => (s.timestamps[lo + i] as number) + 120_000,
    logStream: (i) => `lattice/${s.streams[lo + i]}`,
    message: (i) => {
      const rec: Record<string, FieldValue> = {};
      for (const name of s.names) {
        const v = reader(s.columns.get(name) as Column, lo)(i);
        if (v !== undefined) rec[name] = v;
      }
      return JSON.stringify(rec);
    },
    messageBytes: (i) => s.bytes[lo + i] as number,
    ptr: (i) => `bench/${lo + i}`,
    field: (name) => {
      const col = s.columns.get(name);
      if (!col) return undefined;
      let r = readers.get(name);
      if (!r) readers.set(name, (r = reader(col, lo)));
      return r;
    },
    fieldNames: () => s.names,
  };
}

function timeQuery(text: string, batches: LogBatch[]): { ms: number; rows: number; matched: number } {
  const t0 = performance.now();
  const run = startExecution(compileQuery(text), { startMs: START_MS, endMs: START_MS + SPAN_MS });
  for (const b of batches) run.consume(b);
  const rows = run.results().length;
  const ms = performance.now() - t0;
  return { ms, rows, matched: run.statistics().recordsMatched };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

export default async function logsBench(args: string[]): Promise<void> {
  const n = Number(args[0] ?? 1_000_000);
  const g0 = performance.now();
  const store = generate(n);
  const batches: LogBatch[] = [];
  for (let lo = 0; lo < n; lo += BATCH) batches.push(makeBatch(store, lo, Math.min(n, lo + BATCH)));
  process.stdout.write(`generated ${n} records over 3 h in ${((performance.now() - g0) / 1000).toFixed(1)} s (${batches.length} batches)\n`);
  for (const q of [...QUERIES, ...EXTRAS]) {
    timeQuery(q, batches);
    const runs = Array.from({ length: 5 }, () => timeQuery(q, batches));
    const last = runs[runs.length - 1] as { rows: number; matched: number };
    const target = QUERIES.includes(q) ? ' (target < 1000 ms)' : ' (extra, no target)';
    process.stdout.write(`${q}: ${median(runs.map((r) => r.ms)).toFixed(0)} ms${target} [${last.rows} rows, ${last.matched} matched]\n`);
  }
  const mem = process.memoryUsage();
  process.stdout.write(`heap used ${mb(mem.heapUsed)}, typed arrays ${mb(mem.arrayBuffers)}, rss ${mb(mem.rss)}\n`);
}
