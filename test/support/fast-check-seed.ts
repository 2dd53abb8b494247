import fc from 'fast-check';

// Property tests explore new random inputs on every local run; in CI (CI=true) they replay one fixed seed so that
// a landing is reproducible. A failure prints its seed either way: add the counterexample as a plain test.
if (process.env.CI === 'true') fc.configureGlobal({ seed: 20_261_129 });
