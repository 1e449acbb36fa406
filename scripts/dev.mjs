// `npm run dev`: install if needed, migrate, then the Next dev server with hot reload.
import { bin, ensureDatabase, ensureDependencies, run } from "./lib/setup.mjs";

await ensureDependencies();
await ensureDatabase();
process.exit(await run(bin("next"), ["dev", "-p", String(process.env.PORT ?? 3000)], { env: { NEXT_TELEMETRY_DISABLED: "1" } }));
