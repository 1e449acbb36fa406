"use client";
// The feature-plane playground: train a small network on 2-D data in a Web Worker and watch its decision
// map, loss, accuracy, linear regions and dead units. Its whole configuration lives in the address under
// its own prefix, so a copied link reproduces it; the server renders the untrained network's figures.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { formatNumber } from "@/lib/math/format";
import { makeDataset } from "@/lib/nn/datasets";
import { readUrlState, urlStateQuery, writeUrlState } from "../calculators/url-state";
import { markReady } from "../ready-marker";
import { DecisionMap } from "./decision-map";
import { LossChart } from "./loss-chart";
import { PlaygroundControls } from "./playground-controls";
import { PRESETS, URL_NAMES, configToUrl, isPresetId, resolvePreset, type PlaygroundConfig, type PresetId } from "./playground-state";
import { DATA_COUNT, MAP_GRID, type Figures } from "./figures";
import { useTrainer } from "./use-trainer";
import styles from "./playground.module.css";

type Props = {
  /** Which preset to start from (see PRESETS). */
  preset?: PresetId;
  /** Prefix of this playground's query parameters and its anchor id; give each playground on a page its own. */
  urlKey?: string;
  /** The preset's untrained figures, computed on the server (see playground-with-figures). */
  initial: Figures;
};

const ANNOUNCE_EVERY_MS = 5000;
const fmt = (x: number) => formatNumber(x, { significant: 3 });

export function Playground({ preset = "relu-circle", urlKey, initial }: Props) {
  const presetId: PresetId = resolvePreset(preset);
  const key = urlKey ?? `pg-${presetId}`;
  const { title, description, config: presetConfig } = PRESETS[presetId];
  const id = useId();
  const [config, setConfig] = useState<PlaygroundConfig>(presetConfig);
  const [linkError, setLinkError] = useState<string | null>(isPresetId(preset) ? null : `Unknown preset "${String(preset)}": showing "relu-circle".`);
  const section = useRef<HTMLElement>(null);
  const trainer = useTrainer(config, initial, section);
  const { frame, history, playing } = trainer;
  const data = useMemo(() => makeDataset(config.dataset, { count: DATA_COUNT, noise: config.noise, seed: config.seed }), [config.dataset, config.noise, config.seed]);

  useEffect(() => {
    // Restore a shared link once, after hydration. A mangled link is reported and the preset kept. The
    // validator loads only when the address carries this playground's settings. Then the playground is
    // ready (data-ready): before that its server-rendered controls do not respond, or the link is unapplied.
    const values = readUrlState(key, URL_NAMES);
    if (Object.keys(values).length === 0) {
      markReady(section.current);
      return;
    }
    let live = true;
    void import("./playground-url").then(({ configFromUrl }) => {
      if (!live) return;
      const parsed = configFromUrl(values, presetConfig);
      if (parsed.error) setLinkError(`This link's playground settings are not valid (${key}-${parsed.error.field}: ${parsed.error.message}). Showing the preset instead.`);
      else if (parsed.config !== presetConfig) setConfig(parsed.config);
      markReady(section.current);
    });
    return () => {
      live = false;
    };
  }, [key, presetConfig]);

  const change = useCallback(
    (next: PlaygroundConfig) => {
      setConfig(next);
      setLinkError(null);
      writeUrlState(key, configToUrl(next));
    },
    [key],
  );

  const regionsText = frame.regions === null ? "undefined (curved activations have no linear pieces)" : String(frame.regions);
  const deadCount = frame.dead.length;
  const summary = `Epoch ${frame.epoch}: accuracy ${fmt(frame.accuracy)}, loss ${fmt(frame.loss)}, linear regions ${regionsText}, ${deadCount} dead unit${deadCount === 1 ? "" : "s"}.`;

  // Screen readers hear the figures when training stops or steps, and every few seconds while it runs.
  const [announcement, setAnnouncement] = useState("");
  const lastAnnounced = useRef(0);
  useEffect(() => {
    const now = Date.now();
    if (frame.epoch === 0 && !playing) return;
    if (!playing || now - lastAnnounced.current >= ANNOUNCE_EVERY_MS) {
      lastAnnounced.current = now;
      setAnnouncement(summary);
    }
  }, [frame, playing, summary]);

  // The label does not repeat the changing figures (they are in the list beside it and announced on pause).
  const mapLabel = `Decision map over [${MAP_GRID.min}, ${MAP_GRID.max}]²: orange where the network predicts class 1 (circles), blue for class 0 (squares), with the ${DATA_COUNT} training points.`;

  return (
    <section ref={section} className={styles.playground} aria-labelledby={`${id}-title`} id={key} data-testid="playground" data-preset={presetId}>
      <h3 id={`${id}-title`} className={styles.title}>
        {title}
      </h3>
      <p className={styles.description}>{description}</p>
      {linkError && (
        <p role="alert" className={styles.error}>
          {linkError}
        </p>
      )}
      {trainer.error && (
        <p role="alert" className={styles.error}>
          Training stopped: {trainer.error}
        </p>
      )}

      <div className={styles.toolbar}>
        {playing ? (
          <button type="button" className={styles.primary} onClick={trainer.pause}>
            Pause
          </button>
        ) : (
          <button type="button" className={styles.primary} onClick={trainer.play}>
            Play
          </button>
        )}
        <button type="button" onClick={trainer.step}>
          Step one epoch
        </button>
        <button type="button" onClick={trainer.reset}>
          Reset
        </button>
        <a className={styles.link} href={`${urlStateQuery(key, configToUrl(config))}#${key}`}>
          Link to this setup
        </a>
      </div>

      <div className={styles.outputs}>
        <DecisionMap map={frame.map} data={data} label={mapLabel} />
        <div className={styles.side}>
          <dl className={styles.stats} data-testid="stats" aria-busy={trainer.pending || undefined}>
            <div>
              <dt>Epoch</dt>
              <dd data-testid="epoch">{frame.epoch}</dd>
            </div>
            <div>
              <dt>Accuracy</dt>
              <dd data-testid="accuracy">{fmt(frame.accuracy)}</dd>
            </div>
            <div>
              <dt>Loss</dt>
              <dd data-testid="loss">{fmt(frame.loss)}</dd>
            </div>
            <div>
              <dt>Linear regions</dt>
              <dd data-testid="regions">{frame.regions === null ? "undefined" : frame.regions}</dd>
            </div>
            <div>
              <dt>Dead units</dt>
              <dd data-testid="dead">{deadCount}</dd>
            </div>
          </dl>
          {!Number.isFinite(frame.loss) && (
            <p className={styles.error} role="status">
              Training diverged: the loss is no longer a number. Lower the learning rate and press Reset.
            </p>
          )}
          {frame.regions === null && <p className={styles.note}>Linear regions are undefined here: tanh, sigmoid and the other curved activations make the network curved everywhere.</p>}
          <LossChart history={history} />
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {announcement}
      </p>

      <PlaygroundControls id={id} config={config} dead={frame.dead} onChange={change} />
    </section>
  );
}
