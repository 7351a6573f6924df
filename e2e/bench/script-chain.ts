import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession } from '@playwright/test';

/** What Chromium sends; the relay answers with the precompressed file it has for it. */
const ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

export interface ScriptCost {
  count: number;
  /** Sum of gzip -9 of each file in client/dist: independent of how the server sends them. */
  gzipBytes: number;
  /** Body bytes the server sends for them to a browser that accepts br and gzip: a first visit's cost. */
  transferBytes: number;
}

/** Bytes of the body the server sends for `url`, as it sends it (compressed or not), not decoded. */
function transferred(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': ACCEPT_ENCODING } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.byteLength;
      });
      response.on('end', () => resolve(bytes));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

export async function scriptCost(
  dist: string,
  origin: string,
  paths: readonly string[],
): Promise<ScriptCost> {
  let gzipBytes = 0;
  let transferBytes = 0;
  for (const path of new Set(paths)) {
    gzipBytes += gzipSync(await readFile(join(dist, path)), { level: 9 }).byteLength;
    transferBytes += await transferred(`${origin}${path}`);
  }
  return { count: new Set(paths).size, gzipBytes, transferBytes };
}

/**
 * Records who asked for each request of a page (CDP Network.requestWillBeSent: the HTML parser for the
 * document's scripts and modulepreloads, a script's stack for a dynamic import), so the longest chain of
 * requests that had to wait for one another can be told: the document, then its entry script, then what
 * that script imported at run time, and so on.
 */
export class RequestChains {
  private readonly parent = new Map<string, string | null>();
  private document: string | null = null;

  async watch(cdp: CDPSession): Promise<void> {
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', (event) => {
      const url = event.request.url;
      if (this.parent.has(url)) return;
      if (event.type === 'Document') {
        this.document = url;
        this.parent.set(url, null);
        return;
      }
      const initiator = event.initiator;
      const from = initiator.url ?? initiator.stack?.callFrames[0]?.url ?? this.document;
      this.parent.set(url, from && from !== url ? from : this.document);
    });
  }

  /** The longest chain ending in one of `paths`, the document included, as the requests' paths. */
  longest(paths: readonly string[]): string[] {
    let best: string[] = [];
    for (const [url] of this.parent) {
      if (!paths.includes(new URL(url).pathname)) continue;
      const chain: string[] = [];
      const seen = new Set<string>();
      for (let at: string | null | undefined = url; at && !seen.has(at); at = this.parent.get(at)) {
        seen.add(at);
        chain.unshift(new URL(at).pathname);
      }
      if (chain.length > best.length) best = chain;
    }
    return best;
  }
}
