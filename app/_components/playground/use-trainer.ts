"use client";
// Connects a playground to its worker. Given the untrained figures from the server, the first render computes
// nothing and the worker, started when the playground nears the viewport (or on the learner's first action),
// draws the first map. Without workers the trainer is loaded here and the untrained network's frame computed
// in place.
import { startTransition, useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { Figures } from "./figures";
import { needsReset, type PlaygroundConfig } from "./playground-state";
import type { Frame, FromWorker, ToWorker } from "./trainer-protocol";

/** One point of the loss chart. */
export type LossPoint = { epoch: number; loss: number };

const MAX_POINTS = 300;

/** No map yet: the decision map stays blank until the worker's first frame. */
const NO_MAP = new Float32Array(0);

/**
 * How far beyond the viewport a playground starts its worker: a screen ahead, so the map is drawn before the
 * learner scrolls to it. Starting every worker on load put three worker start-ups, three frames and their
 * renders inside the page's load, where Lighthouse counts them as blocking time (docs/decisions/064).
 */
const START_MARGIN = "100% 0px";

/** Keeps at most MAX_POINTS points by dropping every other old one: the chart keeps its whole span. */
function append(history: LossPoint[], p: LossPoint): LossPoint[] {
  if (history.length > 0 && history[history.length - 1].epoch === p.epoch) return history;
  const next = [...history, p];
  if (next.length <= MAX_POINTS) return next;
  return next.filter((_, i) => i % 2 === 0 || i === next.length - 1);
}

function sameUnits(a: Frame["dead"], b: Frame["dead"]): boolean {
  return a.length === b.length && a.every((u, i) => u.layer === b[i].layer && u.unit === b[i].unit);
}

/**
 * `initial` is the untrained network's figures for `config` (computed on the server); `near` is the playground's
 * element: its worker starts once that element is within START_MARGIN of the viewport.
 */
export function useTrainer(config: PlaygroundConfig, initial: Figures, near: RefObject<HTMLElement | null>) {
  const [frame, setFrame] = useState<Frame>(() => ({ type: "frame", ...initial, map: NO_MAP, playing: false, generation: 0 }));
  const [history, setHistory] = useState<LossPoint[]>(() => [{ epoch: 0, loss: frame.loss }]);
  const [error, setError] = useState<string | null>(null);
  // Kept here rather than read from frames, so the button flips at once.
  const [playing, setPlaying] = useState(false);
  // True from a change that needs new figures (a new network) until the worker's frame for it arrives.
  const [pending, setPending] = useState(false);
  // How many new networks the worker has been asked for (init, a change that needs one, reset). The worker
  // numbers its networks the same way (a frame's generation), so a frame answering an earlier request does
  // not end `pending`: changes made just after the worker starts are answered in turn.
  const requested = useRef(0);
  const worker = useRef<Worker | null>(null);
  // Set when this browser cannot start the worker: frames are then computed in place.
  const unavailable = useRef(false);
  const generation = useRef(0);
  const configRef = useRef(config);

  const onMessage = useCallback((e: MessageEvent<FromWorker>) => {
    const msg = e.data;
    if (msg.type === "error") {
      setError(msg.message);
      setPlaying(false);
      return;
    }
    const fresh = msg.generation !== generation.current;
    generation.current = msg.generation;
    // Frames render as a transition: React yields to the learner's typing and clicks in between.
    startTransition(() => {
      if (fresh) setHistory([{ epoch: msg.epoch, loss: msg.loss }]);
      else setHistory((h) => append(h, { epoch: msg.epoch, loss: msg.loss }));
      // Keep the previous dead-unit list when it has not changed, so memoised controls skip re-rendering.
      setFrame((prev) => (sameUnits(prev.dead, msg.dead) ? { ...msg, dead: prev.dead } : msg));
      if (msg.generation >= requested.current) setPending(false);
    });
  }, []);

  /** Starts the worker (which answers with a frame of the current configuration); false where workers fail. */
  const start = useCallback((): boolean => {
    if (worker.current) return true;
    if (unavailable.current) return false;
    try {
      const w = new Worker(new URL("./trainer.worker.ts", import.meta.url), { type: "module" });
      w.onmessage = onMessage;
      w.onerror = () => {
        setError("The training worker failed to start. Reload the page to try again.");
        setPlaying(false);
      };
      w.postMessage({ type: "init", config: configRef.current } satisfies ToWorker);
      requested.current++;
      setPending(true);
      worker.current = w;
      return true;
    } catch {
      unavailable.current = true;
      setError("This browser cannot run the training worker (Web Workers are unavailable).");
      return false;
    }
  }, [onMessage]);

  /** Without a worker: loads the trainer and shows the untrained network of the configuration current by then. */
  const computeHere = useCallback(() => {
    void import("./session").then(({ createSession, snapshot }) => {
      const f: Frame = { type: "frame", ...snapshot(createSession(configRef.current)), playing: false, generation: generation.current };
      setFrame(f);
      setHistory([{ epoch: 0, loss: f.loss }]);
    });
  }, []);

  const send = useCallback(
    (msg: ToWorker) => {
      if (!start()) return;
      if (msg.type === "reset") requested.current++;
      worker.current?.postMessage(msg);
    },
    [start],
  );

  // Hydrated with the server's figures but no map: the worker draws it (computing it here would block the
  // page) once the playground nears the viewport.
  const needsMap = frame.map.length === 0;
  useEffect(() => {
    if (!needsMap || worker.current) return;
    const draw = () => {
      if (!start()) computeHere();
    };
    const element = near.current;
    if (!element || typeof IntersectionObserver === "undefined") {
      draw();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        draw();
      },
      { rootMargin: START_MARGIN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [needsMap, start, computeHere, near]);

  // Configuration changes: the worker decides whether they need a new network (a worker not started yet
  // starts with the new configuration); without a worker the untrained frame is recomputed here.
  useEffect(() => {
    const previous = configRef.current;
    configRef.current = config;
    if (previous === config) return;
    if (worker.current) {
      if (needsReset(previous, config)) {
        requested.current++;
        setPending(true);
      }
      worker.current.postMessage({ type: "config", config } satisfies ToWorker);
    } else if (!start()) {
      computeHere();
    }
  }, [config, start, computeHere]);

  // Acknowledge each frame once it is on screen, so the worker may send the next.
  useEffect(() => {
    worker.current?.postMessage({ type: "ack" } satisfies ToWorker);
  }, [frame]);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  return {
    frame,
    pending,
    history,
    error,
    playing,
    play: () => {
      setPlaying(true);
      send({ type: "play" });
    },
    pause: () => {
      setPlaying(false);
      send({ type: "pause" });
    },
    step: () => {
      setPlaying(false);
      send({ type: "step" });
    },
    reset: () => {
      setPlaying(false);
      send({ type: "pause" });
      send({ type: "reset" });
    },
  };
}
