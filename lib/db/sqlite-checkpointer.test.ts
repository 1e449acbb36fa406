import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqlite } from "./connect";
import { startCheckpointer } from "./sqlite-checkpointer";

describe("startCheckpointer", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "checkpointer-"));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The rows the database file holds by itself: a copy without its -wal file sees only checkpointed pages. */
  const rowsInDatabaseFile = (file: string): number => {
    const copy = path.join(dir, `copy-${Math.random().toString(36).slice(2)}.sqlite`);
    fs.copyFileSync(file, copy);
    const db = new SQLite(copy, { readonly: true });
    try {
      return (db.prepare("select count(*) as n from t").get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it("copies the WAL into the database file from its worker thread while the app's connection stays open", async () => {
    const file = path.join(dir, "a.sqlite");
    const db = openSqlite(file);
    db.pragma("wal_autocheckpoint = 0");
    db.exec("create table t (x integer)");
    db.exec("pragma wal_checkpoint(TRUNCATE)"); // the table itself is in the database file
    const insert = db.prepare("insert into t values (?)");
    for (let i = 0; i < 100; i++) insert.run(i);
    expect(rowsInDatabaseFile(file)).toBe(0);
    const cp = startCheckpointer(file);
    await cp.checkpoint();
    expect(rowsInDatabaseFile(file)).toBe(100);
    // The app keeps writing after (and the worker's next checkpoint picks that up too).
    for (let i = 0; i < 10; i++) insert.run(i);
    await cp.checkpoint();
    expect(rowsInDatabaseFile(file)).toBe(110);
    await cp.close();
    db.close();
  });

  it("RESTART lets the next write start the WAL over, and gives up quickly while a reader holds it", async () => {
    const file = path.join(dir, "restart.sqlite");
    const db = openSqlite(file);
    db.pragma("wal_autocheckpoint = 0");
    db.exec("create table t (x integer)");
    const insert = db.prepare("insert into t values (?)");
    for (let i = 0; i < 200; i++) insert.run(i);
    const cp = startCheckpointer(file);
    const passive = await cp.checkpoint();
    expect(passive.walFrames).toBeGreaterThanOrEqual(200);
    expect(passive.walBytes).toBe(passive.walFrames * (4096 + 24));

    // A reader in the middle of a read transaction keeps frames of the WAL in use: RESTART cannot finish, and
    // it says so after its short wait instead of holding writers back for the 5 s busy timeout.
    insert.run(1);
    const reader = new SQLite(file);
    reader.prepare("begin").run();
    reader.prepare("select count(*) from t").get();
    const started = performance.now();
    expect((await cp.checkpoint("RESTART")).busy).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
    reader.prepare("commit").run();
    reader.close();

    expect((await cp.checkpoint("RESTART")).busy).toBe(false);
    insert.run(2); // the first write after the RESTART: back at the WAL's first frame
    expect((await cp.checkpoint()).walFrames).toBe(1);
    expect(rowsInDatabaseFile(file)).toBe(202);
    await cp.close();
    db.close();
  });

  it("rejects, rather than hanging, when its worker cannot open the database", async () => {
    const cp = startCheckpointer(path.join(dir, "no-such-dir", "x.sqlite"));
    await expect(cp.checkpoint()).rejects.toThrow();
    await expect(cp.checkpoint()).rejects.toThrow();
    await cp.close();
  });
});
