// Quick linear-time checks in the default suite (see support/scaling-tests.ts).
import { registerScalingTests } from './support/scaling-tests.js';

registerScalingTests(false);
