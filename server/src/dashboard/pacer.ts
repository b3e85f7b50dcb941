import type { CancellationSignal } from '../analysis/types';
import { NOT_CANCELLED } from '../corpus/queries';

/** Thrown out of a dashboard query whose request was cancelled; the handler answers empty. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Milliseconds of work between two returns to the event loop. */
const SLICE_MS = 8;

/**
 * Lets a long scan give the event loop back every few milliseconds, so that the request's
 * cancellation (and other requests: hovers while the dashboard loads) are read in time, and
 * stops the scan once the request is cancelled.
 */
export class Pacer {
  private sliceStart = performance.now();
  private calls = 0;

  constructor(
    /** The request's token, for the corpus queries the scan calls (they answer empty once it is raised). */
    readonly token: CancellationSignal = NOT_CANCELLED,
    /** Milliseconds of work between two returns to the event loop (tests make it 0). */
    private readonly sliceMs = SLICE_MS,
  ) {}

  /**
   * Gives the event loop one turn before any work: a cancellation sent right behind the
   * request (a newer filter superseded it) is read before the scan starts.
   */
  async begin(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
    this.check();
  }

  /** Throws Cancelled when the request was cancelled. */
  check(): void {
    if (this.token.isCancellationRequested) throw new Cancelled();
  }

  /** Call once per unit of work; every so often yields to the event loop, then checks cancellation. */
  async step(): Promise<void> {
    if ((++this.calls & 255) !== 0) return;
    if (performance.now() - this.sliceStart < this.sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
    this.check();
  }
}
