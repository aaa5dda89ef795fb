'use client';

/**
 * The React Flow canvas. Read-only (no dragging or connecting); selection is controlled by the URL:
 * a click, or Enter on a focused node, selects; Escape on it or a click on the background clears.
 * `data-layout-state` says when the graph is interactive (nodes drawn and layout done).
 */
import { Controls, ReactFlow, ReactFlowProvider, useReactFlow, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useRef } from 'react';
import { graphBounds } from './viewport';
import { edgeTypes } from './edges/TopoEdge';
import type { TopoEdge, TopoNode } from './flowTypes';
import { nodeTypes } from './nodes/nodeTypes';
import styles from './topology.module.css';

/** A request to bring nodes into view; a new `seq` asks again for the same ids. */
export interface FocusRequest {
  /** `nodes`: fit these ids (all when empty); `top`: the graph's full width, from its top. */
  mode: 'nodes' | 'top';
  ids: string[];
  seq: number;
  /** Largest zoom to end at (1 for a single node, less to keep context). */
  maxZoom?: number;
}

interface Props {
  nodes: TopoNode[];
  edges: TopoEdge[];
  layoutStatus: 'pending' | 'done' | 'error';
  layoutMessage?: string;
  /** Nodes being laid out (for the waiting message). */
  pendingCount: number;
  focus: FocusRequest | undefined;
  onSelect(id: string): void;
  onClear(): void;
}

const PRO = { hideAttribution: false };

function Canvas(p: Props) {
  const rf = useReactFlow();
  const done = useRef(0);
  const container = useRef<HTMLDivElement>(null);
  const { onSelect, onClear } = p;

  // Re-runs as nodes change, but acts once per request: `done` remembers the last seq served.
  useEffect(() => {
    if (!p.focus || p.layoutStatus !== 'done' || done.current === p.focus.seq || p.nodes.length === 0) return;
    done.current = p.focus.seq;
    const ids = p.focus.ids;
    const box = container.current;
    if (p.focus.mode === 'top' && box) {
      const b = graphBounds(p.nodes);
      const zoom = Math.max(0.05, Math.min(1, (box.clientWidth - 32) / Math.max(1, b.width)));
      void rf.setViewport({ x: (box.clientWidth - b.width * zoom) / 2 - b.x * zoom, y: 12 - b.y * zoom, zoom });
      return;
    }
    void rf.fitView({
      ...(ids.length ? { nodes: ids.map((id) => ({ id })) } : {}),
      duration: ids.length ? 250 : 0,
      maxZoom: p.focus.maxZoom ?? 1,
      minZoom: 0.02,
      padding: 0.25,
    });
  }, [p.focus, p.layoutStatus, p.nodes, rf]);

  // While the view moves, the viewport is its own compositor layer: panning then moves pixels instead
  // of repainting hundreds of long edges each frame. Dropped when it stops, so text is re-rastered sharp.
  const onMoveStart = useCallback(() => {
    if (container.current) container.current.dataset.moving = 'true';
  }, []);
  const onMoveEnd = useCallback(() => {
    if (container.current) delete container.current.dataset.moving;
  }, []);

  // For bench/graph.ts: the first frame with nodes drawn and the layout done.
  const marked = useRef(false);
  useEffect(() => {
    if (marked.current || p.layoutStatus !== 'done' || p.nodes.length === 0) return;
    marked.current = true;
    requestAnimationFrame(() => performance.mark('trellis:interactive'));
  }, [p.layoutStatus, p.nodes.length]);

  const onNodesChange = useCallback(
    (changes: NodeChange<TopoNode>[]) => {
      let picked: string | undefined;
      let cleared = false;
      for (const c of changes) {
        if (c.type !== 'select') continue;
        if (c.selected) picked = c.id;
        else cleared = true;
      }
      if (picked) onSelect(picked);
      else if (cleared) onClear();
    },
    [onSelect, onClear],
  );

  return (
    <div
      ref={container}
      className={styles.canvas}
      data-testid="topology-canvas"
      data-layout-state={p.layoutStatus}
      data-node-count={p.nodes.length}
      data-edge-count={p.edges.length}
    >
      <ReactFlow<TopoNode, TopoEdge>
        nodes={p.nodes}
        edges={p.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onPaneClick={onClear}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        onlyRenderVisibleElements
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        elevateNodesOnSelect={false}
        elevateEdgesOnSelect={false}
        zoomOnDoubleClick={false}
        minZoom={0.02}
        maxZoom={1.75}
        proOptions={PRO}
        aria-label="Topology graph: accounts, VPCs, service networks, services, target groups and targets"
      >
        <Controls showInteractive={false} />
      </ReactFlow>
      <div className={styles.legend} aria-hidden="true">
        <span>
          <i className={styles.dot} data-health="error" /> failing
        </span>
        <span>
          <i className={styles.dot} data-health="warn" /> degraded
        </span>
        <span>
          <i className={styles.dot} data-health="ok" /> healthy
        </span>
        <span>
          <i className={styles.dot} data-health="unknown" /> unknown
        </span>
      </div>
      {p.layoutStatus === 'pending' && p.nodes.length === 0 ? (
        <div className={styles.canvasOverlay} role="status">
          Laying out {p.pendingCount} nodes…
        </div>
      ) : null}
      {p.layoutStatus === 'pending' && p.nodes.length > 0 ? (
        <div className={styles.relayout} role="status">
          Updating the layout…
        </div>
      ) : null}
      {p.layoutStatus === 'error' ? (
        <div className={styles.canvasOverlay} role="alert">
          The layout failed: {p.layoutMessage}
        </div>
      ) : null}
    </div>
  );
}

/** The canvas with its React Flow provider. */
export function GraphCanvas(p: Props) {
  return (
    <ReactFlowProvider>
      <Canvas {...p} />
    </ReactFlowProvider>
  );
}
