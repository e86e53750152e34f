/** Serves one OpenAPI document on 127.0.0.1, standing in for the vendor during a timed pull. */
import { readFile } from "node:fs/promises";
import { listenLocal, type LocalServer } from "./local-server.js";

/** A listening server and the URL of its document. */
export interface SpecServer extends LocalServer {
  specUrl: string;
}

/** Serves the bytes of `file` at `/openapi.json` and answers 404 elsewhere. */
export async function serveSpec(file: string): Promise<SpecServer> {
  const body = await readFile(file);
  const server = await listenLocal((request, response) => {
    if (request.url !== "/openapi.json") {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    response.end(body);
  });
  return { ...server, specUrl: `${server.url}/openapi.json` };
}
