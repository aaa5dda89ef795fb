'use client';

/**
 * Layout of the drawn graph, computed by elkjs in a Web Worker (lib/graph/layout.worker.ts) and
 * cached by the graph's shape: health and traffic updates reuse the layout, only a change of what is
 * drawn (filter in hide mode, expanded target groups, new resources) lays out again.
 */
import { useEffect, useState } from 'react';
import type { LayoutResult } from '@/lib/graph/elkLayout';
import type { LayoutInput } from '@/lib/graph/layoutInput';
import type { LayoutRequest, LayoutResponse } from '@/lib/graph/layout.worker';

/** Where a layout is. */
export type LayoutState =
  | { status: 'pending'; result?: LayoutResult }
  | { status: 'done'; result: LayoutResult }
  | { status: 'error'; message: string; result?: LayoutResult };

const CACHE_SIZE = 8;
const cache = new Map<string, LayoutResult>();
let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, (r: LayoutResponse) => void>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('../../lib/graph/layout.worker.ts', import.meta.url));
    worker.onmessage = (e: MessageEvent<LayoutResponse>) => {
      const done = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      done?.(e.data);
    };
    worker.onerror = (e) => {
      for (const done of waiting.values())
        done({ id: 0, ok: false, message: `The layout worker failed: ${e.message}` });
      waiting.clear();
      worker = undefined;
    };
  }
  return worker;
}

function remember(result: LayoutResult): void {
  cache.delete(result.key);
  cache.set(result.key, result);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

/**
 * Lays out `input` (undefined while there is nothing to lay out); keeps showing the last layout while a new
 * one is computed.
 */
export function useLayout(input: LayoutInput | undefined): LayoutState {
  const [state, setState] = useState<LayoutState>(() => {
    const hit = input ? cache.get(input.key) : undefined;
    return hit ? { status: 'done', result: hit } : { status: 'pending' };
  });
  useEffect(() => {
    if (!input) return;
    const hit = cache.get(input.key);
    if (hit) {
      setState((s) => (s.result === hit && s.status === 'done' ? s : { status: 'done', result: hit }));
      return;
    }
    let live = true;
    setState((s) => ({ status: 'pending', ...(s.result ? { result: s.result } : {}) }));
    const id = nextId++;
    waiting.set(id, (r) => {
      if (r.ok) {
        remember(r.result);
        // For bench/graph.ts and the browser's performance panel.
        performance.mark('trellis:layout', {
          detail: { ms: r.ms, elkRuns: r.elkRuns, nodes: Object.keys(r.result.positions).length },
        });
      }
      if (!live) return;
      setState((s) =>
        r.ok
          ? { status: 'done', result: r.result }
          : { status: 'error', message: r.message, ...(s.result ? { result: s.result } : {}) },
      );
    });
    const request: LayoutRequest = { id, input };
    try {
      getWorker().postMessage(request);
    } catch (e) {
      waiting.delete(id);
      setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
    }
    return () => {
      live = false;
    };
  }, [input]);
  return state;
}
