// The playground's trainer, off the main thread so the page stays responsive. While playing it trains in
// slices of at most ~20 ms and posts a frame (figures + decision map) up to 20 times a second, never more than one ahead of the page.
import { needsReset, type PlaygroundConfig } from "./playground-state";
import { createSession, snapshot, trainEpochs, type Session } from "./session";
import type { Frame, FromWorker, ToWorker } from "./trainer-protocol";

type WorkerScope = { postMessage(message: FromWorker, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };
const scope = self as unknown as WorkerScope;

const FRAME_MS = 50;
const SLICE_MS = 20;

let session: Session | null = null;
let playing = false;
let generation = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
let last = 0;
let owed = 0; // fractional epochs due at a fixed speed
// A frame is in flight until the page acknowledges it: a busy page is never flooded with frames.
let inFlight = false;

function post(force = true): void {
  if (!session || (inFlight && !force)) return;
  inFlight = true;
  const s = snapshot(session);
  const frame: Frame = { type: "frame", ...s, playing, generation };
  scope.postMessage(frame, [s.map.buffer]);
}

function tick(): void {
  timer = null;
  if (!session || !playing) return;
  const now = performance.now();
  const speed = session.config.speed;
  const start = now;
  if (speed > 0) {
    owed += (speed * (now - last)) / 1000;
    while (owed >= 1 && performance.now() - start < SLICE_MS) {
      trainEpochs(session, 1);
      owed -= 1;
    }
    owed = Math.min(owed, speed); // never build up more than a second of debt
  } else {
    do trainEpochs(session, 1);
    while (performance.now() - start < SLICE_MS);
  }
  last = now;
  post(false);
  timer = setTimeout(tick, Math.max(0, FRAME_MS - (performance.now() - start)));
}

function reset(config: PlaygroundConfig): void {
  session = createSession(config);
  generation++;
  owed = 0;
}

scope.onmessage = (e) => {
  const msg = e.data;
  try {
    switch (msg.type) {
      case "init":
        reset(msg.config);
        post();
        break;
      case "config":
        if (!session || needsReset(session.config, msg.config)) {
          reset(msg.config);
          post();
        } else {
          session.config = msg.config;
        }
        break;
      case "play":
        if (!playing) {
          playing = true;
          last = performance.now();
          owed = 1; // the first epoch shows at once
          if (timer === null) tick();
        }
        break;
      case "pause":
        playing = false;
        post();
        break;
      case "step":
        playing = false;
        if (session) trainEpochs(session, 1);
        post();
        break;
      case "reset":
        if (session) reset(session.config);
        post();
        break;
      case "ack":
        inFlight = false;
        break;
    }
  } catch (err) {
    playing = false;
    scope.postMessage({ type: "error", message: err instanceof Error ? err.message : String(err) });
  }
};
