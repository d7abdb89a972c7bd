import fc from 'fast-check';

// Under Stryker every mutant re-runs the tests that cover it; 100 cases per
// property times thousands of mutants is hours. 20 cases still kill what a
// property kills in practice (the mutant breaks the invariant for most inputs);
// the full count runs in `npm test`.
fc.configureGlobal({ ...fc.readConfigureGlobal(), numRuns: 20 });
