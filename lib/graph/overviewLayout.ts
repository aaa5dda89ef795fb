/**
 * Where the overview's boxes go: account boxes in rows, each holding its network tiles in a small grid,
 * arranged to fill a screen of the given proportions (not a column: the arrangement with the largest
 * fit zoom wins, so names stay readable). Sizes are in flow units (pixels at zoom 1). Pure.
 */
import type { Overview } from './overview';

export const TILE_W = 280;
export const TILE_H = 180;
export const ACCOUNT_HEADER_H = 84;
const GAP = 14;
const PAD = 14;
/** An account with no tile (nothing owned, or unreachable) keeps room for its note. */
const EMPTY_BODY_H = 60;

/** A placed box. */
export interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The placed overview. */
export interface OverviewLayout {
  accounts: Box[];
  tiles: Box[];
  width: number;
  height: number;
  /** The zoom at which the whole overview fits the screen it was laid out for (capped at 1). */
  fitZoom: number;
}

interface Size {
  w: number;
  h: number;
  cols: number;
}

function accountSize(tiles: number, maxRows: number): Size {
  if (tiles === 0) return { w: TILE_W + 2 * PAD, h: ACCOUNT_HEADER_H + EMPTY_BODY_H, cols: 1 };
  const cols = Math.ceil(tiles / maxRows);
  const rows = Math.ceil(tiles / cols);
  return {
    w: cols * TILE_W + (cols - 1) * GAP + 2 * PAD,
    h: ACCOUNT_HEADER_H + rows * TILE_H + (rows - 1) * GAP + PAD,
    cols,
  };
}

/** Rows of `perRow` accounts: returns each account's origin and the whole size. */
function shelves(
  sizes: readonly Size[],
  perRow: number,
): { at: Array<{ x: number; y: number }>; w: number; h: number } {
  const at: Array<{ x: number; y: number }> = [];
  let y = 0;
  let w = 0;
  for (let i = 0; i < sizes.length; i += perRow) {
    const row = sizes.slice(i, i + perRow);
    let x = 0;
    for (const s of row) {
      at.push({ x, y });
      x += s.w + GAP * 2;
    }
    w = Math.max(w, x - GAP * 2);
    y += Math.max(...row.map((s) => s.h)) + GAP * 2;
  }
  return { at, w, h: Math.max(0, y - GAP * 2) };
}

/** Lays the overview out for a screen of `width` × `height` pixels. */
export function layoutOverview(o: Overview, width: number, height: number): OverviewLayout {
  const counts = o.accounts.map((a) => a.tiles.length);
  const most = Math.max(1, ...counts);
  let best: { zoom: number; area: number; maxRows: number; perRow: number } | undefined;
  for (let maxRows = 1; maxRows <= most; maxRows++) {
    const sizes = counts.map((c) => accountSize(c, maxRows));
    for (let perRow = 1; perRow <= Math.max(1, sizes.length); perRow++) {
      const s = shelves(sizes, perRow);
      const zoom = Math.min(width / Math.max(1, s.w), height / Math.max(1, s.h));
      const area = s.w * s.h;
      if (!best || zoom > best.zoom + 1e-9 || (Math.abs(zoom - best.zoom) <= 1e-9 && area < best.area))
        best = { zoom, area, maxRows, perRow };
    }
  }
  const maxRows = best?.maxRows ?? 1;
  const sizes = counts.map((c) => accountSize(c, maxRows));
  const placed = shelves(sizes, best?.perRow ?? 1);
  const accounts: Box[] = [];
  const tiles: Box[] = [];
  o.accounts.forEach((a, i) => {
    const origin = placed.at[i]!;
    const size = sizes[i]!;
    accounts.push({ id: a.group.id, x: origin.x, y: origin.y, w: size.w, h: size.h });
    a.tiles.forEach((t, j) => {
      const col = j % size.cols;
      const row = Math.floor(j / size.cols);
      tiles.push({
        id: t.id,
        x: origin.x + PAD + col * (TILE_W + GAP),
        y: origin.y + ACCOUNT_HEADER_H + row * (TILE_H + GAP),
        w: TILE_W,
        h: TILE_H,
      });
    });
  });
  return { accounts, tiles, width: placed.w, height: placed.h, fitZoom: Math.min(1, best?.zoom ?? 1) };
}
