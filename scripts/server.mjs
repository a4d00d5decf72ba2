// Attest's production server: Next.js behind a thin Node HTTP server whose only job is to tell
// the app which address a request really came from. `next start` passes a client's own
// X-Forwarded-For through untouched, which would let anyone dodge the per-address sign-in
// throttle; here the socket's address is put in X-Attest-Peer, overwriting whatever the client
// sent, and lib/api/request-meta.ts trusts X-Forwarded-For only as far as TRUSTED_PROXY_COUNT says.
import { createServer } from "node:http";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const app = next({ dev: false, dir: process.cwd(), port, hostname });
const handle = app.getRequestHandler();

await app.prepare();
const server = createServer((req, res) => {
  req.headers["x-attest-peer"] = req.socket.remoteAddress ?? "";
  handle(req, res);
});
// Node closes an idle keep-alive connection after 5 s; a client (a pipeline, a load balancer)
// that reuses it at that moment gets ECONNRESET. Keep idle connections longer than clients and
// proxies usually do (60 s), so they are the ones to close first.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  console.log(`[attest] listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});
