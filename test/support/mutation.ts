/**
 * Why a test that measures speed does not run under `npm run mutate`: StrykerJS sets these
 * variables in every test process it starts (the coverage run and each mutant's run). Instrumented
 * code is several times slower, so a timing bound there measures the instrumentation, and one
 * such test costs half a minute for every mutant it covers. The behaviour those tests check
 * still runs in `npm test`.
 */
export const SKIP_TIMING_UNDER_MUTATION: string | false =
  process.env.STRYKER_NAMESPACE !== undefined || process.env.__STRYKER_ACTIVE_MUTANT__ !== undefined ? 'a timing bound, not run under mutation testing' : false;
