/** The console's version, from package.json at build time (the bundler inlines it). */
import packageJson from '../package.json';

/** E.g. `0.1.0`. */
export const VERSION: string = packageJson.version;
