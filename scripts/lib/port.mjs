// Whether a port can be listened on, checked by listening on it once: the production server's primary and
// bench:grading both check before starting processes that would otherwise fail to bind (or bind elsewhere).
import net from "node:net";

/** Listens on `port` (on `host`, or every interface) and closes again: null when that worked, else the error
 * (EADDRINUSE when something already listens there). */
export function listenError(port, host) {
  const probe = net.createServer();
  return new Promise((resolve) => probe.once("error", resolve).listen(port, host, () => probe.close(() => resolve(null))));
}
