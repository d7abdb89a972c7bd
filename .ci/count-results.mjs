// Totals the Vitest and Playwright JSON reports into one line "N passed, N failed".
// A step of `npm test` that failed before its runner wrote a report counts as one failure,
// so a broken typecheck or lint can never print a clean line.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;

const unitFile = 'out/test-results/unit.json';
if (existsSync(unitFile)) {
  const unit = JSON.parse(readFileSync(unitFile, 'utf8'));
  passed += unit.numPassedTests ?? 0;
  failed += (unit.numFailedTests ?? 0) + (unit.numRuntimeErrorTestSuites ?? 0);
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  if (unit.success === false && (unit.numFailedTests ?? 0) === 0) failed += 1;
} else {
  failed += 1;
}

const e2eFile = 'out/test-results/e2e.json';
if (existsSync(e2eFile)) {
  const e2e = JSON.parse(readFileSync(e2eFile, 'utf8'));
  const stats = e2e.stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
  failed += (e2e.errors ?? []).length;
} else {
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
