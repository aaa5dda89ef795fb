/** CloudWatch Logs filter patterns: parse once, then test events. */
export { FilterPatternError, type FilterPattern } from './ast';
export { ChunkEventView } from './chunkView';
export { matches, type EventView } from './match';
export { parseFilterPattern } from './parse';
