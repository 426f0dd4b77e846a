// Smart-HTTP Git server: a Node front end that runs git's own http-backend as
// a CGI program for each request, so clones, fetches and pushes are real Git.
import { spawn } from 'node:child_process';
import { timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { envWithoutGit } from './git';
import { listenOnLoopback, type LoopbackServer } from './loopback-server';

const HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';

/** `url` is the base URL: a repository `fleet.git` is cloned from `${url}/fleet.git`. */
export type GitServer = LoopbackServer;

function cgiEnv(req: IncomingMessage, projectRoot: string): NodeJS.ProcessEnv {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const env: NodeJS.ProcessEnv = {
    ...envWithoutGit(),
    GIT_PROJECT_ROOT: projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    GATEWAY_INTERFACE: 'CGI/1.1',
    SERVER_PROTOCOL: 'HTTP/1.1',
    REQUEST_METHOD: req.method ?? 'GET',
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.slice(1),
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
    // http-backend refuses receive-pack for anonymous users unless the repo
    // enables it; the seeded repos set http.receivepack, this names the pusher.
    REMOTE_USER: 'sandbox',
  };
  if (req.headers['content-length']) env.CONTENT_LENGTH = req.headers['content-length'];
  // Gzip request bodies (git sends them for large fetch negotiations) are
  // passed through untouched; http-backend inflates them itself.
  if (req.headers['content-encoding']) env.HTTP_CONTENT_ENCODING = req.headers['content-encoding'];
  const protocol = req.headers['git-protocol'];
  if (typeof protocol === 'string') env.GIT_PROTOCOL = protocol;
  return env;
}

function handle(req: IncomingMessage, res: ServerResponse, projectRoot: string): void {
  const cgi = spawn(HTTP_BACKEND, [], { env: cgiEnv(req, projectRoot), stdio: ['pipe', 'pipe', 'inherit'] });
  req.pipe(cgi.stdin);
  cgi.stdin.on('error', () => undefined);
  let head = Buffer.alloc(0);
  let headersSent = false;
  cgi.stdout.on('data', (chunk: Buffer) => {
    if (headersSent) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return;
    let status = 200;
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const sep = line.indexOf(':');
      const name = line.slice(0, sep).trim();
      const value = line.slice(sep + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else res.setHeader(name, value);
    }
    res.writeHead(status);
    headersSent = true;
    res.write(head.subarray(end + 4));
  });
  cgi.on('close', (code) => {
    if (!headersSent) res.writeHead(code === 0 ? 200 : 500);
    res.end();
  });
}

export function startGitServer(projectRoot: string): Promise<GitServer> {
  const server: Server = createServer((req, res) => handle(req, res, projectRoot));
  return listenOnLoopback(server);
}

export interface HttpsGitServerOptions {
  username: string;
  password: string;
  /** PEM files of the serving certificate and its key. */
  cert: string;
  key: string;
}

/** The same repositories over HTTPS, for clients that present HTTP basic credentials, as a hosted Git server does. */
export function startHttpsGitServer(projectRoot: string, opts: HttpsGitServerOptions): Promise<GitServer> {
  const expected = Buffer.from(`Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString('base64')}`);
  const authorized = (req: IncomingMessage): boolean => {
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const server = createHttpsServer({ cert: readFileSync(opts.cert), key: readFileSync(opts.key) }, (req, res) => {
    if (authorized(req)) {
      handle(req, res, projectRoot);
      return;
    }
    // Drain the body so a client that sent one first still reads the 401 and asks for credentials.
    req.resume();
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="sandbox git"', 'Content-Type': 'text/plain' });
    res.end('authentication required\n');
  });
  return listenOnLoopback(server, 'https');
}
