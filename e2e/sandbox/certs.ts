// Per-cluster PKI made with openssl: every sandbox cluster has its own CA,
// like real clusters, so clients must trust each cluster separately.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ClusterPki {
  caCert: string;
  servingCert: string;
  servingKey: string;
  /** Client certificate of an admin identity (O=system:masters). */
  adminCert: string;
  adminKey: string;
  /** Key pair that signs and verifies service-account tokens. */
  serviceAccountKey: string;
  serviceAccountPub: string;
}

const DAYS = '30';

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

// EC P-256 keys: generated in milliseconds, unlike RSA, which keeps start-up fast.
function newKey(dir: string, name: string): string {
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`], dir);
  return join(dir, `${name}.key`);
}

function signLeaf(dir: string, name: string, subject: string, extensions: string): void {
  newKey(dir, name);
  writeFileSync(join(dir, `${name}.ext`), extensions);
  openssl(['req', '-new', '-key', `${name}.key`, '-subj', subject, '-out', `${name}.csr`], dir);
  openssl(
    ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', DAYS, '-sha256', '-extfile', `${name}.ext`, '-out', `${name}.crt`],
    dir,
  );
}

function newCa(dir: string, commonName: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  newKey(dir, 'ca');
  openssl(
    [
      'req', '-x509', '-new', '-key', 'ca.key', '-subj', `/CN=${commonName}`, '-days', DAYS, '-sha256',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', 'ca.crt',
    ],
    dir,
  );
}

export function createClusterPki(dir: string, clusterName: string): ClusterPki {
  newCa(dir, `${clusterName}-ca`);
  // 10.0.0.1 is the first address of --service-cluster-ip-range: the in-cluster
  // "kubernetes" Service, which the API server also presents this certificate for.
  signLeaf(
    dir,
    'apiserver',
    '/CN=kube-apiserver',
    [
      'subjectAltName=IP:127.0.0.1,IP:10.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      '',
    ].join('\n'),
  );
  signLeaf(dir, 'admin', '/O=system:masters/CN=sandbox-cert-admin', 'keyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n');
  newKey(dir, 'sa');
  openssl(['pkey', '-in', 'sa.key', '-pubout', '-out', 'sa.pub'], dir);
  return {
    caCert: join(dir, 'ca.crt'),
    servingCert: join(dir, 'apiserver.crt'),
    servingKey: join(dir, 'apiserver.key'),
    adminCert: join(dir, 'admin.crt'),
    adminKey: join(dir, 'admin.key'),
    serviceAccountKey: join(dir, 'sa.key'),
    serviceAccountPub: join(dir, 'sa.pub'),
  };
}

export interface ServingPki {
  caCert: string;
  servingCert: string;
  servingKey: string;
}

/** A CA of its own and a certificate for 127.0.0.1 signed by it: a loopback HTTPS server that clients must be told to trust. */
export function createLoopbackServingPki(dir: string, name: string): ServingPki {
  newCa(dir, `${name}-ca`);
  signLeaf(dir, name, `/CN=${name}`, 'subjectAltName=IP:127.0.0.1,DNS:localhost\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n');
  return { caCert: join(dir, 'ca.crt'), servingCert: join(dir, `${name}.crt`), servingKey: join(dir, `${name}.key`) };
}

export function base64File(path: string): string {
  return readFileSync(path).toString('base64');
}
