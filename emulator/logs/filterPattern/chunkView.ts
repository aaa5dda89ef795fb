/**
 * An EventView over an event of the store: encoded (flat JSON) events answer selectors from their
 * columns without rebuilding the message; raw messages are parsed once, on first need.
 */
import type { Chunk } from '../store/chunk';
import type { FieldTable } from '../store/fieldTable';
import type { PathSegment } from './ast';
import { ABSENT, walkPath, type EventView, type Found } from './match';

const UNPARSED = Symbol('unparsed');
const NOT_JSON = Symbol('not-json');

/** A reusable view: point it at an event with `at()`. */
export class ChunkEventView implements EventView {
  private chunk: Chunk | undefined;
  private i = 0;
  private parsed: unknown = UNPARSED;

  constructor(private readonly table: FieldTable) {}

  at(chunk: Chunk, i: number): this {
    this.chunk = chunk;
    this.i = i;
    this.parsed = UNPARSED;
    return this;
  }

  message(): string {
    return (this.chunk as Chunk).message(this.i);
  }

  isJson(): boolean {
    return !(this.chunk as Chunk).isRaw(this.i) || this.json() !== NOT_JSON;
  }

  lookup(path: readonly PathSegment[]): Found {
    const chunk = this.chunk as Chunk;
    if (!chunk.isRaw(this.i)) {
      const first = path[0];
      if (path.length !== 1 || typeof first !== 'string') return ABSENT;
      const id = this.table.lookup(first);
      const v = id === undefined ? undefined : chunk.field(this.i, id);
      return v === undefined ? ABSENT : v;
    }
    const root = this.json();
    return root === NOT_JSON ? ABSENT : walkPath(root, path);
  }

  private json(): unknown {
    if (this.parsed === UNPARSED) {
      const m = this.message();
      let v: unknown = NOT_JSON;
      if (m.trimStart().startsWith('{')) {
        try {
          v = JSON.parse(m);
        } catch {
          v = NOT_JSON;
        }
      }
      this.parsed = v !== null && typeof v === 'object' && !Array.isArray(v) ? v : NOT_JSON;
    }
    return this.parsed;
  }
}
