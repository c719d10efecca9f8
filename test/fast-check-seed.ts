import fc from 'fast-check';

// Property tests draw their inputs from one fixed seed, so a run of the suite is repeatable: CI
// passes or fails the same way each time. To explore other inputs, set FC_SEED (a failure prints
// the seed and path that reproduce it).
const seed = Number(process.env.FC_SEED ?? 20261123);
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, not "${process.env.FC_SEED}"`);
fc.configureGlobal({ seed });
