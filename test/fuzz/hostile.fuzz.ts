// `npm run fuzz` runs the hostile-file tests with inputs near the 8 MiB read limit.
import '../robustness/hostile-files.test.js';
