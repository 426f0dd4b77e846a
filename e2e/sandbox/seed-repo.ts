// Seeds `fleet.git`, a GitOps repository shaped like a real team's: three apps
// under apps/, shared infrastructure, staging and production overlays, a Helm
// chart under charts/, and a few weeks of history by several people.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { commitAs, git, type GitAuthor } from './git';

export const FLEET_REPO = 'fleet.git';

const people = {
  maria: { name: 'Maria Lindqvist', email: 'maria.lindqvist@acme-shop.io' },
  dev: { name: 'Devendra Rao', email: 'devendra.rao@acme-shop.io' },
  chloe: { name: 'Chloé Martin', email: 'chloe.martin@acme-shop.io' },
  tomasz: { name: 'Tomasz Nowak', email: 'tomasz.nowak@acme-shop.io' },
} satisfies Record<string, GitAuthor>;

const yamlDocs = (...docs: object[]): string => docs.map((d) => stringify(d)).join('---\n');

interface AppSpec {
  name: string;
  image: string;
  tag: string;
  port?: number;
  memory: string;
  configMap?: Record<string, string>;
}

function deployment(app: AppSpec): object {
  const labels = { 'app.kubernetes.io/name': app.name, 'app.kubernetes.io/part-of': 'shop' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: app.name, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: { 'app.kubernetes.io/name': app.name } },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: app.name,
              image: `${app.image}:${app.tag}`,
              ...(app.port ? { ports: [{ name: 'http', containerPort: app.port }] } : {}),
              ...(app.configMap ? { envFrom: [{ configMapRef: { name: `${app.name}-config` } }] } : {}),
              resources: { requests: { cpu: '50m', memory: app.memory }, limits: { memory: app.memory } },
            },
          ],
        },
      },
    },
  };
}

function appFiles(app: AppSpec): Record<string, string> {
  const dir = `apps/${app.name}`;
  const resources = ['deployment.yaml'];
  const files: Record<string, string> = { [`${dir}/deployment.yaml`]: yamlDocs(deployment(app)) };
  if (app.port) {
    resources.push('service.yaml');
    files[`${dir}/service.yaml`] = yamlDocs({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: app.name },
      spec: { selector: { 'app.kubernetes.io/name': app.name }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    });
  }
  if (app.configMap) {
    resources.push('configmap.yaml');
    files[`${dir}/configmap.yaml`] = yamlDocs({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${app.name}-config` }, data: app.configMap });
  }
  files[`${dir}/kustomization.yaml`] = yamlDocs({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources });
  return files;
}

interface OverlaySpec {
  env: 'staging' | 'production';
  apps: AppName[];
  tags: Partial<Record<AppName, string>>;
  replicas: Partial<Record<AppName, number>>;
  config?: Record<string, Record<string, string>>;
}

const images = {
  web: 'ghcr.io/stefanprodan/podinfo',
  api: 'ghcr.io/acme-shop/api',
  worker: 'ghcr.io/acme-shop/worker',
};
type AppName = keyof typeof images;

function overlayFiles(o: OverlaySpec): Record<string, string> {
  const dir = `clusters/${o.env}`;
  const patches: object[] = Object.entries(o.replicas).map(([app, n]) => ({
    target: { kind: 'Deployment', name: app },
    patch: stringify([{ op: 'replace', path: '/spec/replicas', value: n }]),
  }));
  const files: Record<string, string> = {
    [`${dir}/namespace.yaml`]: yamlDocs({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: o.env, labels: { env: o.env } } }),
  };
  for (const [app, data] of Object.entries(o.config ?? {})) {
    patches.push({ path: `${app}-config.yaml` });
    files[`${dir}/${app}-config.yaml`] = yamlDocs({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${app}-config` }, data });
  }
  files[`${dir}/kustomization.yaml`] = yamlDocs({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: o.env,
    labels: [{ pairs: { env: o.env }, includeSelectors: false }],
    resources: ['namespace.yaml', ...o.apps.map((a) => `../../apps/${a}`)],
    images: Object.entries(o.tags).map(([app, tag]) => ({ name: images[app as AppName], newTag: tag })),
    ...(patches.length ? { patches } : {}),
  });
  return files;
}

function infrastructureFiles(extraRules: boolean): Record<string, string> {
  const rules = { 'error-rate.yaml': 'alert: HighErrorRate\nexpr: rate(http_requests_total{code=~"5.."}[5m]) > 0.05\n' };
  if (extraRules) Object.assign(rules, { 'queue-depth.yaml': 'alert: QueueBacklog\nexpr: worker_queue_depth > 1000\n' });
  return {
    'infrastructure/namespace.yaml': yamlDocs({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'monitoring' } }),
    'infrastructure/alert-rules.yaml': yamlDocs({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'alert-rules', namespace: 'monitoring' }, data: rules }),
    'infrastructure/kustomization.yaml': yamlDocs({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['namespace.yaml', 'alert-rules.yaml'],
    }),
  };
}

export const STATUS_PAGE_CHART = 'charts/status-page';

/**
 * A small Helm chart kept in the fleet repository itself, installed by the `status-page`
 * HelmRelease through the `fleet` GitRepository. Its templates read values (replicaCount, message),
 * so a hand change to a value the chart sets is Helm drift.
 */
function statusPageChartFiles(message: string): Record<string, string> {
  const dir = STATUS_PAGE_CHART;
  const labels = '{{- include "status-page.labels" . | nindent 4 }}';
  return {
    [`${dir}/Chart.yaml`]: yamlDocs({ apiVersion: 'v2', name: 'status-page', description: 'The public status page of the ACME shop', type: 'application', version: '0.1.0', appVersion: '6.7.1' }),
    [`${dir}/values.yaml`]: yamlDocs({ replicaCount: 1, message, image: { repository: images.web, tag: '6.7.1' }, service: { port: 80 } }),
    [`${dir}/templates/_helpers.tpl`]: [
      '{{- define "status-page.labels" -}}',
      'app.kubernetes.io/name: {{ .Chart.Name }}',
      'app.kubernetes.io/instance: {{ .Release.Name }}',
      'app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}',
      '{{- end }}',
      '',
    ].join('\n'),
    [`${dir}/templates/configmap.yaml`]: [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: {{ .Release.Name }}',
      `  labels:\n    ${labels}`,
      'data:',
      '  PODINFO_UI_MESSAGE: {{ .Values.message | quote }}',
      '',
    ].join('\n'),
    [`${dir}/templates/deployment.yaml`]: [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ .Release.Name }}',
      `  labels:\n    ${labels}`,
      'spec:',
      '  replicas: {{ .Values.replicaCount }}',
      '  selector:',
      '    matchLabels:',
      '      app.kubernetes.io/instance: {{ .Release.Name }}',
      '  template:',
      '    metadata:',
      `      labels:\n        {{- include "status-page.labels" . | nindent 8 }}`,
      '    spec:',
      '      containers:',
      '        - name: status-page',
      '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
      '          ports:',
      '            - name: http',
      '              containerPort: 9898',
      '          envFrom:',
      '            - configMapRef:',
      '                name: {{ .Release.Name }}',
      '',
    ].join('\n'),
    [`${dir}/templates/service.yaml`]: [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: {{ .Release.Name }}',
      `  labels:\n    ${labels}`,
      'spec:',
      '  selector:',
      '    app.kubernetes.io/instance: {{ .Release.Name }}',
      '  ports:',
      '    - name: http',
      '      port: {{ .Values.service.port }}',
      '      targetPort: http',
      '',
    ].join('\n'),
  };
}

const web: AppSpec = { name: 'web', image: images.web, tag: '6.7.0', port: 9898, memory: '64Mi', configMap: { PODINFO_UI_MESSAGE: 'Welcome to the ACME shop' } };
const api: AppSpec = { name: 'api', image: images.api, tag: '2.3.0', port: 8080, memory: '128Mi' };
const worker: AppSpec = { name: 'worker', image: images.worker, tag: '1.12.4', memory: '96Mi', configMap: { QUEUE: 'orders', CONCURRENCY: '4' } };

interface SeedCommit {
  author: GitAuthor;
  daysAgo: number;
  message: string;
  files: Record<string, string>;
}

/** History, oldest first. Each step edits the overlay specs and rewrites the files it touches. */
function history(): SeedCommit[] {
  const staging: OverlaySpec = { env: 'staging', apps: ['web'], tags: { web: '6.7.0' }, replicas: {} };
  const production: OverlaySpec = { env: 'production', apps: ['web', 'api'], tags: { web: '6.7.0', api: '2.3.0' }, replicas: { web: 2 } };
  const step = (author: GitAuthor, daysAgo: number, message: string, change: () => Record<string, string>): SeedCommit => ({ author, daysAgo, message, files: change() });
  return [
    step(people.maria, 34, 'Bootstrap fleet repository with web app and staging overlay', () => ({
      'README.md': '# fleet\n\nDesired state of the ACME shop clusters, reconciled by Flux.\n\n- `apps/` base manifests\n- `infrastructure/` shared cluster add-ons\n- `clusters/<env>/` per-environment overlays\n',
      ...appFiles(web),
      ...overlayFiles(staging),
    })),
    step(people.dev, 31, 'Add api service', () => {
      staging.apps.push('api');
      staging.tags.api = '2.3.0';
      return { ...appFiles(api), ...overlayFiles(staging) };
    }),
    step(people.maria, 29, 'Add production overlay', () => overlayFiles(production)),
    step(people.chloe, 26, 'worker: add order queue consumer', () => {
      staging.apps.push('worker');
      staging.tags.worker = '1.12.4';
      return { ...appFiles(worker), ...overlayFiles(staging) };
    }),
    step(people.tomasz, 23, 'infrastructure: monitoring namespace and alert rules', () => infrastructureFiles(false)),
    step(people.dev, 20, 'api: raise memory limit to 256Mi after OOM kills', () => appFiles({ ...api, memory: '256Mi' })),
    step(people.chloe, 17, 'staging: bump web to 6.7.1', () => {
      staging.tags.web = '6.7.1';
      return overlayFiles(staging);
    }),
    step(people.maria, 14, 'production: run worker with 8 consumers', () => {
      production.apps.push('worker');
      production.tags.worker = '1.12.4';
      production.config = { worker: { QUEUE: 'orders', CONCURRENCY: '8' } };
      return overlayFiles(production);
    }),
    step(people.tomasz, 11, 'infrastructure: alert on worker queue backlog', () => infrastructureFiles(true)),
    step(people.tomasz, 9, 'status-page: Helm chart for the public status page', () => statusPageChartFiles('All systems operational')),
    step(people.dev, 8, 'staging: bump api to 2.4.0', () => {
      staging.tags.api = '2.4.0';
      return overlayFiles(staging);
    }),
    step(people.chloe, 5, 'production: promote web 6.7.1 and scale to 3 replicas', () => {
      production.tags.web = '6.7.1';
      production.replicas.web = 3;
      return overlayFiles(production);
    }),
    step(people.maria, 2, 'web: new welcome banner', () => appFiles({ ...web, configMap: { PODINFO_UI_MESSAGE: 'Spring sale: 20% off everything' } })),
  ];
}

function atWorkingHours(daysAgo: number, index: number): Date {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  d.setUTCHours(9 + (index * 3) % 8, (index * 17) % 60, 0, 0);
  return d;
}

/** Creates `<root>/fleet.git` (bare, pushable over HTTP) and returns the head commit. */
export async function seedFleetRepo(root: string): Promise<string> {
  const bare = join(root, FLEET_REPO);
  await git(root, ['init', '--quiet', '--bare', '--initial-branch=main', bare]);
  await git(bare, ['config', 'http.receivepack', 'true']);
  const work = mkdtempSync(join(tmpdir(), 'sandbox-seed-'));
  try {
    await git(work, ['init', '--quiet', '--initial-branch=main']);
    for (const [i, c] of history().entries()) {
      for (const [path, content] of Object.entries(c.files)) {
        mkdirSync(dirname(join(work, path)), { recursive: true });
        writeFileSync(join(work, path), content);
      }
      await git(work, ['add', '--all']);
      await commitAs(work, c.author, c.message, atWorkingHours(c.daysAgo, i));
    }
    await git(work, ['push', '--quiet', bare, 'main']);
    return await git(bare, ['rev-parse', 'main']);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
