'use client';

/**
 * The overview canvas (semantic zoom, level 0): the estate laid out for this screen's proportions
 * (lib/graph/overviewLayout) and shown whole at once — every account and network readable without a
 * gesture. Pan and zoom as on the graph; zooming in names each network's worst services.
 * `data-layout-state` is `done` once the view is fitted (the same contract as the graph canvas).
 */
import { Controls, ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Overview } from '@/lib/graph/overview';
import { layoutOverview } from '@/lib/graph/overviewLayout';
import styles from './overview.module.css';
import { type OverviewActions, OverviewActionsContext, type OverviewNode, overviewNodeTypes } from './OverviewNodes';

const PAD = 16;
/**
 * Room kept free on the left for the zoom controls (React Flow's, 15 px from the corner, 26 px wide): the estate
 * is laid out and centred beside them, so they never cover the bottom-left account.
 */
const CONTROLS_GUTTER = 40;
const PRO = { hideAttribution: false };

interface Props {
  overview: Overview;
  actions: OverviewActions;
}

function toNodes(o: Overview, width: number, height: number) {
  const layout = layoutOverview(o, Math.max(1, width - 2 * PAD - CONTROLS_GUTTER), Math.max(1, height - 2 * PAD));
  const nodes: OverviewNode[] = [];
  o.accounts.forEach((a, i) => {
    const box = layout.accounts[i]!;
    nodes.push({
      id: box.id,
      type: 'ovAccount',
      position: { x: box.x, y: box.y },
      data: { account: a, width: box.w, height: box.h },
      width: box.w,
      height: box.h,
      zIndex: 0,
      selectable: false,
      focusable: false,
    });
  });
  const tiles = new Map(o.accounts.flatMap((a) => a.tiles).map((t) => [t.id, t]));
  for (const box of layout.tiles)
    nodes.push({
      id: box.id,
      type: 'ovTile',
      position: { x: box.x, y: box.y },
      data: { tile: tiles.get(box.id)!, width: box.w, height: box.h },
      width: box.w,
      height: box.h,
      zIndex: 1,
      selectable: false,
      focusable: false,
    });
  return { nodes, layout };
}

function Canvas({ overview, actions }: Props) {
  const rf = useReactFlow();
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ w: number; h: number } | undefined>();
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const read = () =>
      setSize((s) =>
        s?.w === el.clientWidth && s.h === el.clientHeight ? s : { w: el.clientWidth, h: el.clientHeight },
      );
    read();
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const placed = useMemo(() => (size ? toNodes(overview, size.w, size.h) : undefined), [overview, size]);
  // Fit once per screen size and shape of the estate; a traffic or health update leaves the view alone.
  const shape = placed && size ? `${size.w}x${size.h}:${placed.layout.width}x${placed.layout.height}` : '';
  const [fitted, setFitted] = useState('');
  useEffect(() => {
    if (!placed || !size || !shape || fitted === shape) return;
    const { width, height } = placed.layout;
    const room = size.w - CONTROLS_GUTTER;
    const zoom = Math.min(1, (room - 2 * PAD) / Math.max(1, width), (size.h - 2 * PAD) / Math.max(1, height));
    const x = CONTROLS_GUTTER + (room - width * zoom) / 2;
    void rf.setViewport({ x, y: PAD, zoom }).then(() => setFitted(shape));
  }, [placed, size, shape, fitted, rf]);
  const done = fitted !== '' && fitted === shape;
  useEffect(() => {
    if (done && performance.getEntriesByName('trellis:interactive').length === 0)
      requestAnimationFrame(() => performance.mark('trellis:interactive'));
  }, [done]);
  return (
    <div
      ref={box}
      className={styles.canvas}
      data-testid="topology-canvas"
      data-level="overview"
      data-layout-state={done ? 'done' : 'pending'}
      data-node-count={overview.totalNodes}
    >
      <OverviewActionsContext.Provider value={actions}>
        <ReactFlow<OverviewNode>
          nodes={placed?.nodes ?? []}
          edges={[]}
          nodeTypes={overviewNodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          zoomOnDoubleClick={false}
          minZoom={0.05}
          maxZoom={2.5}
          proOptions={PRO}
          aria-label="Estate overview: accounts, the service networks they own, and their services rolled up"
        >
          <Controls showInteractive={false} />
        </ReactFlow>
      </OverviewActionsContext.Provider>
    </div>
  );
}

/** The overview canvas with its React Flow provider. */
export function OverviewCanvas(p: Props) {
  return (
    <ReactFlowProvider>
      <Canvas {...p} />
    </ReactFlowProvider>
  );
}
