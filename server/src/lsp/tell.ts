/**
 * Sends what the client need not answer (a message, a log line, a notification, a refresh,
 * progress). A client that refuses, never answers or is gone (the send throws at once on a closed
 * connection, or rejects later) is not an error, and must not end the run or the process that
 * sent it. False when the send was refused at once: the connection is closed.
 */
export function tell(send: () => unknown): boolean {
  try {
    Promise.resolve(send()).catch(() => undefined);
    return true;
  } catch {
    return false;
  }
}
