import { processIo } from './io.js';
import { main } from './main.js';

// No top-level await: the bundle is CommonJS so that packages/cli/launcher/bin.cjs can give it a
// V8 code cache on Node 20.
void main(process.argv.slice(2), processIo()).then((status) => {
  process.exitCode = status;
});
