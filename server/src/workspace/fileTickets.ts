/**
 * One ticket per piece of work on a file (a read, an analysis, a delete, an open buffer), so
 * that work which was overtaken does not land. Reads and analyses take their time while file
 * events keep coming: a file deleted while its analysis is in a worker, or changed while an
 * older read is under way, must not come back when that work ends. Each piece of work takes
 * a ticket when it starts and may change the corpus only while its ticket is still the file's
 * latest; whatever started later knows better.
 *
 * Tickets are numbered across all files, so a full index can also ask which files were
 * touched after its listing began (their events know better than the listing).
 */
export class FileTickets {
  private counter = 0;
  private readonly latest = new Map<string, number>();

  /** Starts work on a file: every earlier ticket for it is stale from now on. */
  take(uri: string): number {
    const ticket = ++this.counter;
    this.latest.set(uri, ticket);
    return ticket;
  }

  /** True while no later work on the file has started. */
  isCurrent(uri: string, ticket: number): boolean {
    return this.latest.get(uri) === ticket;
  }

  /** A point in time: files whose work starts after it are `touchedSince` it. */
  mark(): number {
    return this.counter;
  }

  /** True when work on the file started after the mark. */
  touchedSince(uri: string, mark: number): boolean {
    return (this.latest.get(uri) ?? 0) > mark;
  }

  /**
   * Forgets the files `keep` does not keep, so a long session's deleted and temporary files do
   * not pile up. Their outstanding work becomes stale: call it only where a listing of the disk
   * follows, which reads again whatever still exists.
   */
  forgetExcept(keep: (uri: string) => boolean): void {
    for (const uri of [...this.latest.keys()]) if (!keep(uri)) this.latest.delete(uri);
  }
}
