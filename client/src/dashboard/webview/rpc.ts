/** The webview's side of the messages: requests to the server through the extension, cancellable. */
import type { DashboardMethod, DashboardMethods, ToExtension, ToWebview } from '../messages';

interface VsCodeApi {
  postMessage(message: ToExtension): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** A request that a newer one made pointless. */
export class Superseded extends Error {
  constructor() {
    super('superseded');
  }
}

export class Rpc {
  readonly api: VsCodeApi = acquireVsCodeApi();
  private next = 1;
  private readonly pending = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>();
  private readonly listeners: ((message: ToWebview) => void)[] = [];

  constructor() {
    window.addEventListener('message', (event: MessageEvent<ToWebview>) => this.receive(event.data));
  }

  post(message: ToExtension): void {
    this.api.postMessage(message);
  }

  /** Messages from the extension other than responses. */
  onMessage(listener: (message: ToWebview) => void): void {
    this.listeners.push(listener);
  }

  request<M extends DashboardMethod>(method: M, params: DashboardMethods[M][0]): { result: Promise<DashboardMethods[M][1]>; cancel(): void } {
    const id = this.next++;
    const result = new Promise<DashboardMethods[M][1]>((resolve, reject) => this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject }));
    this.post({ type: 'request', id, method, params });
    return {
      result,
      cancel: () => {
        const waiting = this.pending.get(id);
        if (!waiting) return;
        this.pending.delete(id);
        this.post({ type: 'cancel', id });
        waiting.reject(new Superseded());
      },
    };
  }

  private receive(message: ToWebview): void {
    if (!message || typeof message !== 'object') return;
    if (message.type !== 'response') {
      for (const listener of this.listeners) listener(message);
      return;
    }
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.cancelled) waiting.reject(new Superseded());
    else if (message.error !== undefined) waiting.reject(new Error(message.error));
    else waiting.resolve(message.result);
  }
}

/** One view's requests: asking again cancels the one still on its way. */
export class Latest<M extends DashboardMethod> {
  private current: { cancel(): void } | undefined;

  constructor(
    private readonly rpc: Rpc,
    private readonly method: M,
  ) {}

  async ask(params: DashboardMethods[M][0]): Promise<DashboardMethods[M][1]> {
    this.current?.cancel();
    const request = this.rpc.request(this.method, params);
    this.current = request;
    try {
      return await request.result;
    } finally {
      if (this.current === request) this.current = undefined;
    }
  }
}
