// The start-up snapshot of `claimscope suggest FILE` (scripts/build.mjs bundles this file and runs
// `node --build-snapshot` on it; main/cli/launch.ts starts the CLI from the blob).
//
// compromise builds its lexicon and tagger model when it loads (about 0.4 s of a 1 s command);
// a V8 start-up snapshot taken after the load restores that heap in well under 0.1 s. Only pure
// third-party libraries go in: no file handles, no native modules, nothing of ours (our code
// loads as usual and finds these through the `preloaded` modules of the CLI's bundle). Nothing
// is run through them here, so their state is exactly that of a fresh require.
globalThis.__claimscopePreloaded = Object.freeze({
  compromise: require('compromise'),
  'chrono-node/en': require('chrono-node/en'),
});
