// The Node peer of the webhook receive benchmark: Polar's official SDK (@polar-sh/sdk 1.0.1) verifying each
// delivery behind Node's own http server, storing nothing. Usage: node server.mjs <port> <secret>
import http from "node:http";
import { webhooks } from "@polar-sh/sdk/2026-10";

const port = Number(process.argv[2]);
const secret = process.argv[3];

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", async () => {
    try {
      await webhooks.validateEvent(Buffer.concat(chunks), req.headers, secret);
      res.writeHead(202, { "content-length": "0" });
    } catch (error) {
      res.writeHead(error instanceof webhooks.PolarWebhookVerificationError ? 403 : 400, { "content-length": "0" });
    }
    res.end();
  });
});
server.keepAliveTimeout = 120_000;
server.listen(port, "127.0.0.1", () => console.log(`listening on ${port}`));
