/**
 * The layout Web Worker: runs elkjs off the main thread so the page stays responsive while a fleet
 * is laid out. Protocol: `{id, input: LayoutInput}` in, `{id, ok: true, result}` or `{id, ok: false,
 * message}` out. Loaded with `new Worker(new URL('./layout.worker.ts', import.meta.url))`.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutGraph, type LayoutResult } from './elkLayout';
import type { LayoutInput } from './layoutInput';

/** A request to the worker. */
export interface LayoutRequest {
  id: number;
  input: LayoutInput;
}

/** The worker's answer. */
export type LayoutResponse =
  | { id: number; ok: true; result: LayoutResult; ms: number; elkRuns: number }
  | { id: number; ok: false; message: string };

interface WorkerScope {
  onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse): void;
}

// ELK first: when its bundled worker code loads inside a Web Worker it claims `self.onmessage`,
// which our handler below then takes back (ELK runs in-process here, it needs no messages).
const elk = new ELK();
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { id, input } = e.data;
  const started = performance.now();
  let elkRuns = 0;
  const counted = {
    layout: (g: Parameters<typeof elk.layout>[0]) => {
      elkRuns += 1;
      return elk.layout(g);
    },
  };
  layoutGraph(input, counted).then(
    (result) => scope.postMessage({ id, ok: true, result, ms: Math.round(performance.now() - started), elkRuns }),
    (err: unknown) => scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) }),
  );
};
