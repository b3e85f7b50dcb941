// The analysis engine as the CLI's commands use it. Imported through this one module so the
// bundle requires dist/analysis.js instead of carrying a copy (esbuild.js, shared-engine).
export { analyzeArticle } from '../analysis';
