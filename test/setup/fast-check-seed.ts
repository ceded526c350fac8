// Every property test in `npm test` runs with a fixed seed, so CI is reproducible; a property that
// passes its own seed keeps it. `FC_SEED=<n> npm test` tries another; `npm run fuzz` uses fresh ones.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261121) });
