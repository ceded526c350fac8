// `npm run fuzz`: every scaling pattern, every stage, at larger sizes (WGLINT_FUZZ_LONG=1).
import { registerScalingTests } from './support/scaling-tests.js';

registerScalingTests(true);
