// Every fast-check property in one run uses one seed, so a failure can be replayed exactly:
// fast-check's failure message prints { seed, path }, and FC_SEED=<seed> replays it.
// CI uses a fixed seed so it never flakes; a developer's run draws a fresh seed each time
// (FC_SEED=random forces that anywhere). FC_RUNS=20000 runs each property that many times.
import fc from "fast-check";

const CI_SEED = 20_260_301;

function seedFrom(env: NodeJS.ProcessEnv): number {
  const given = env.FC_SEED?.trim();
  if (given && given !== "random") {
    const seed = Number(given);
    if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", got ${given}`);
    return seed;
  }
  if (!given && env.CI) return CI_SEED;
  return Math.floor(Math.random() * 2 ** 31);
}

function runsFrom(env: NodeJS.ProcessEnv): number | undefined {
  if (!env.FC_RUNS) return undefined;
  const runs = Number(env.FC_RUNS);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`FC_RUNS must be a positive integer, got ${env.FC_RUNS}`);
  return runs;
}

const numRuns = runsFrom(process.env);
fc.configureGlobal({ seed: seedFrom(process.env), ...(numRuns ? { numRuns } : {}) });
