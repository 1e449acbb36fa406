// The yardstick for `npm run bench:grading --reference`: the same request/response traffic served by a bare
// node:http server with better-sqlite3 and nothing else — no framework, no validation, no grading, no query
// builder. Each POST's body is read and parsed, a stored result of the real size (a graded result captured
// from the production server) gets a fresh id, and one row per attempt is inserted in autocommit mode. Its
// figures say what this machine can do today, so bench:grading's own can be read against them.
// Usage: node scripts/lib/bare-attempt-server.mjs PORT DB_FILE normal|full RESULT_TEMPLATE_FILE
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import Database from "better-sqlite3";

const [port, file, sync, templateFile] = process.argv.slice(2);
const template = JSON.parse(fs.readFileSync(templateFile, "utf8"));
const db = new Database(file);
db.pragma("journal_mode = WAL");
// normal: WAL frames are written per commit but fsynced only at checkpoints; full: an fsync per attempt.
db.pragma(`synchronous = ${sync === "full" ? "FULL" : "NORMAL"}`);
db.exec("create table if not exists attempts (id text primary key, idempotency_key text not null, body text not null, result text not null)");
const insert = db.prepare("insert into attempts (id, idempotency_key, body, result) values (?, ?, ?, ?)");

http
  .createServer((req, res) => {
    if (req.method !== "POST") {
      res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
      return;
    }
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      JSON.parse(body);
      const result = JSON.stringify({ ...template, attemptId: randomUUID(), submittedAt: new Date().toISOString() });
      insert.run(randomUUID(), String(req.headers["idempotency-key"] ?? ""), body, result);
      res.writeHead(201, { "Content-Type": "application/json", "Cache-Control": "no-store" }).end(result);
    });
  })
  .listen(Number(port), "127.0.0.1");
process.on("SIGTERM", () => {
  db.close();
  process.exit(0);
});
