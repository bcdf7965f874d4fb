/**
 * A real STARTTLS SMTP server on 127.0.0.1 for the interop tests (npm `smtp-server`), with a
 * self-signed certificate made by `openssl req -x509` in a temporary directory.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Certificate {
  dir: string;
  certFile: string;
  keyFile: string;
  cert: Buffer;
  key: Buffer;
  remove(): void;
}

/** A self-signed certificate for 127.0.0.1 (IP SAN) and localhost. */
export function makeCertificate(): Certificate {
  const dir = mkdtempSync(join(tmpdir(), 'smtp-cert-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
      '-keyout', keyFile, '-out', certFile,
      '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'pipe' },
  ); // prettier-ignore
  return {
    dir,
    certFile,
    keyFile,
    cert: readFileSync(certFile),
    key: readFileSync(keyFile),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface LocalServer {
  port: number;
  /** Messages accepted, as raw text. */
  messages: string[];
  close(): Promise<void>;
}

export interface ServerOptions {
  certificate: Certificate;
  /** The one account: its address and password. */
  user: string;
  password: string;
  /** Do not advertise STARTTLS. */
  hideStartTls?: boolean;
  /** Largest message accepted, in bytes. */
  size?: number;
}

function smtpError(code: number, text: string): Error {
  const e = new Error(text) as Error & { responseCode: number };
  e.responseCode = code;
  return e;
}

/** Starts the server on 127.0.0.1 with a free port. AUTH needs TLS; MAIL FROM must be the account. */
export async function startServer(o: ServerOptions): Promise<LocalServer> {
  const messages: string[] = [];
  const server = new SMTPServer({
    secure: false,
    key: o.certificate.key,
    cert: o.certificate.cert,
    hideSTARTTLS: o.hideStartTls ?? false,
    ...(o.size ? { size: o.size } : {}),
    authMethods: ['PLAIN', 'LOGIN'],
    authOptional: false,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === o.user && auth.password === o.password) cb(null, { user: auth.username });
      else cb(smtpError(535, '5.7.8 Authentication credentials invalid'));
    },
    onMailFrom(address, _session, cb) {
      if (address.address.toLowerCase() === o.user.toLowerCase()) cb();
      else cb(smtpError(550, '5.7.0 From address is not one of your addresses'));
    },
    onRcptTo(address, _session, cb) {
      if (address.address.toLowerCase().startsWith('nobody@')) cb(smtpError(550, '5.1.1 Unknown recipient'));
      else cb();
    },
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if ((stream as { sizeExceeded?: boolean }).sizeExceeded)
          return cb(smtpError(552, '5.3.4 Message size exceeds fixed limit'));
        messages.push(Buffer.concat(chunks).toString('utf8'));
        cb();
      });
    },
  });
  // A client that gives up during the TLS handshake (a certificate it does not trust) is an error
  // event on the server; the tests expect it, so it must not end the process.
  server.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
