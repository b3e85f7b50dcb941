export { analyzeArticle, findHeadline } from './analyzeArticle';
export * from './types';
