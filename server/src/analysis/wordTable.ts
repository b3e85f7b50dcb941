/**
 * A lookup table keyed by words of the article. It has no prototype, so a word such as
 * "constructor", "toString" or "__proto__" finds nothing instead of a built-in of Object.
 */
export function wordTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
