import { PGlite } from "@electric-sql/pglite";

let t = Date.now();
const p = new PGlite();
await p.waitReady;
console.log("ready", Date.now() - t);
const dump = await p.dumpDataDir("none");
console.log("dump", dump.size, Date.now() - t);
await p.close();
t = Date.now();
const q = new PGlite({ loadDataDir: dump });
await q.waitReady;
console.log("load ready", Date.now() - t);
t = Date.now();
const r = new PGlite({ loadDataDir: dump });
await r.waitReady;
console.log("load2 ready", Date.now() - t);
